# Textos de la interfaz del tema predeterminado (español).
# Traductores: conserven los identificadores de los mensajes; traduzcan solo el texto que sigue a "=".

site-title = Protección de la infancia en línea
skip-to-content = Ir al contenido principal
nav-main = Menú principal
nav-help = Pedir ayuda
language-switcher = Idioma
language-chooser-title = Elegir idioma
quick-exit = Salir de este sitio
quick-exit-hint = Salir rápidamente de este sitio. También se puede pulsar tres veces la tecla Mayús (Shift).

audience-children = Niños, niñas y adolescentes
audience-parents = Madres, padres y cuidadores
audience-educators = Educadores
audience-industry = Industria
audience-policy-makers = Responsables de políticas
audience-other = Otras páginas

age-under-9 = Menores de 9 años
age-9-12 = De 9 a 12 años
age-13-18 = De 13 a 18 años
age-all = Para todas las edades

topic-bullying = Amabilidad y acoso
topic-privacy = Privacidad y datos personales
topic-passwords = Contraseñas y cuentas
topic-unwanted-contact = Desconocidos y contactos no deseados
topic-images = Compartir imágenes, sexting y sextorsión
topic-upsetting-content = Contenidos perturbadores
topic-games = Juegos y compras dentro del juego
topic-scams = Estafas
topic-wellbeing = Tiempo frente a la pantalla y bienestar
topic-misinformation = Verdadero o falso, y la IA
topic-digital-footprint = Huella digital
topic-reporting = Denunciar y pedir ayuda
topic-parental-controls = Dispositivos y controles parentales
topic-age-limits = Clasificaciones por edad y verificación de la edad
topic-safety-by-design = Seguridad desde el diseño
topic-csam = Material de abuso sexual infantil
topic-school-policy = Política escolar
topic-law-and-policy = Leyes y políticas nacionales
topic-sexual-content = Contenido sexual y pornografía
topic-self-harm = Autolesiones y suicidio
topic-ai = Chatbots de IA e imágenes falsas
topic-extremism = Odio y extremismo

topic-count = { $count ->
    [one] { $count } página sobre este tema
   *[other] { $count } páginas sobre este tema
}
topics-label = Temas

# Puntuación entre los elementos de una lista y entre oraciones, tras las etiquetas y en los títulos de
# página. Entre comillas, porque Fluent recorta los espacios de los extremos.
list-separator = {", "}
clause-separator = {", "}
label-separator = {": "}
title-separator = {" | "}

updated-on = Última actualización: { $date }
toc-title = En esta página
related-title = Sobre el mismo tema, para otros públicos
prev-page = Anterior
next-page = Siguiente
latest-title = Actualizaciones recientes
feed-title = Páginas actualizadas recientemente (canal Atom)
bundle-link = Descarga este sitio ({ $megabytes } MB) para compartirlo sin internet
feed-link = Sigue las páginas nuevas y actualizadas en un lector de canales (canal Atom)
audiences-title = ¿A quién se dirige este sitio?

fallback-notice = Esta página aún no se ha traducido al español. Se muestra en su idioma original ({ $language }).
fallback-original = Leer la página original

help-title = Pedir ayuda
help-panel-title = ¿Necesitas ayuda ahora?
help-panel-text = Si algo en internet te preocupa, cuéntaselo a alguien de confianza. También puedes hablar con una línea de ayuda a la infancia.
help-panel-link = Encontrar una línea de ayuda y formas de denunciar
helpline-chat = Chat en línea
helpline-website = Sitio web
helpline-hours = Horario
helpline-languages = Idiomas
helplines-none = Todavía no figura ninguna línea de ayuda.

partners-title = Nuestros asociados
partner-kind-un-agency = Organismos de las Naciones Unidas
partner-kind-intergovernmental = Organizaciones intergubernamentales
partner-kind-eu-body = Organismos de la Unión Europea
partner-kind-network = Redes
partner-kind-ngo = Organizaciones no gubernamentales
partner-kind-industry = Industria
partner-source = Fuente

not-found-title = Página no encontrada
not-found-text = No hemos encontrado esta página. Puede que se haya trasladado.
not-found-home = Ir a la página de inicio

footer-partners = Asociados
footer-note = Este sitio no utiliza cookies ni carga nada de otros sitios.

# The help page's country finder and each country's page. Region labels are the ITU-D regions.
finder-title = Encuentra ayuda en tu país
finder-intro = Elige tu país para ver sus líneas de ayuda a la infancia: a quién puedes llamar, escribir o con quién chatear.
finder-filter = Escribe el nombre de tu país
finder-no-match = Ningún país de la lista coincide con lo que has escrito.
region-africa = África
region-americas = Américas
region-arab-states = Estados Árabes
region-asia-pacific = Asia-Pacífico
region-cis = Comunidad de Estados Independientes
region-europe = Europa
country-title = Pedir ayuda en { $country }
country-emergency-title = ¿Estás en peligro ahora mismo?
country-emergency = Llama enseguida al número de emergencias: el de la policía o una ambulancia donde vives. Si no lo sabes, pregunta a un adulto que esté cerca.
country-trust = Cuéntale lo que pasó a un adulto de confianza. No es culpa tuya. Las personas y los servicios de esta página están para ayudarte.
country-back = Otros países y más formas de pedir ayuda
helpline-call = Llamar al
helpline-text = Enviar un SMS al
helpline-whatsapp = WhatsApp
helpline-free = Gratuito
# Where data comes from: $site is the source's web site (a link), $date the day the entry was taken from it.
data-from = Según { $site }, { $date }
# Only for entries a person confirmed with the service or organisation itself.
data-confirmed = confirmado directamente el { $date }
draft-banner = Borrador: sin publicar. Los lectores no verán esta página hasta que se quite draft: true.
# Search and the A-Z index
search-label = Buscar en este sitio
search-button = Buscar
search-title = Búsqueda
search-loading = Buscando…
search-found = Páginas que coinciden con tu búsqueda:
search-none = Ninguna página coincide con tu búsqueda. Prueba con otra palabra o consulta todas las páginas de la A a la Z.
search-failed = No se pudo cargar la búsqueda. Consulta todas las páginas de la A a la Z.
search-no-script = La búsqueda necesita JavaScript, que está desactivado. Todas las páginas están en la lista de la A a la Z.
a-z-title = Todas las páginas de la A a la Z
a-z-intro = Todas las páginas y temas de este sitio, en orden alfabético.
a-z-link = Todas las páginas de la A a la Z
