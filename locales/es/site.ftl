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
audiences-title = ¿A quién se dirige este sitio?

fallback-notice = Esta página aún no se ha traducido al español. Se muestra en su idioma original ({ $language }).
fallback-original = Leer la página original

help-title = Pedir ayuda
help-panel-title = ¿Necesitas ayuda ahora?
help-panel-text = Si algo en internet te preocupa, cuéntaselo a alguien de confianza. También puedes hablar con una línea de ayuda a la infancia.
help-panel-link = Encontrar una línea de ayuda y formas de denunciar
helplines-title = Líneas de ayuda a la infancia por país
helpline-phone = Teléfono
helpline-sms = Mensaje de texto (SMS)
helpline-chat = Chat en línea
helpline-website = Sitio web
helpline-hours = Horario
helpline-languages = Idiomas
helpline-source = Fuente
helpline-verified = Verificado el { $date }
helplines-none = Todavía no figura ninguna línea de ayuda.

partners-title = Nuestros asociados
partner-kind-un-agency = Organismos de las Naciones Unidas
partner-kind-intergovernmental = Organizaciones intergubernamentales
partner-kind-eu-body = Organismos de la Unión Europea
partner-kind-network = Redes
partner-kind-ngo = Organizaciones no gubernamentales
partner-kind-industry = Industria
partner-source = Fuente
partner-verified = verificado el { $date }

not-found-title = Página no encontrada
not-found-text = No hemos encontrado esta página. Puede que se haya trasladado.
not-found-home = Ir a la página de inicio

footer-partners = Asociados
footer-note = Este sitio no utiliza cookies ni carga nada de otros sitios.
