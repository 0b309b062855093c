# Textes de l'interface du thème par défaut (français).
# Traducteurs : gardez les identifiants des messages ; ne traduisez que le texte après « = ».

site-title = Protection des enfants en ligne
skip-to-content = Aller au contenu principal
nav-main = Menu principal
nav-help = Obtenir de l'aide
language-switcher = Langue
language-chooser-title = Choisir la langue
quick-exit = Quitter ce site
quick-exit-hint = Quitter rapidement ce site. Raccourci : appuyer trois fois sur la touche Maj (Shift).

audience-children = Enfants et jeunes
audience-parents = Parents et proches
audience-educators = Enseignants et éducateurs
audience-industry = Entreprises
audience-policy-makers = Décideurs
audience-other = Autres pages

age-under-9 = Moins de 9 ans
age-9-12 = 9 à 12 ans
age-13-18 = 13 à 18 ans
age-all = Pour tous les âges

topic-bullying = Gentillesse et harcèlement
topic-privacy = Vie privée et données personnelles
topic-passwords = Mots de passe et comptes
topic-unwanted-contact = Inconnus et contacts indésirables
topic-images = Partage d'images, sexting et sextorsion
topic-upsetting-content = Contenus choquants
topic-games = Jeux et achats intégrés
topic-scams = Arnaques
topic-wellbeing = Temps d'écran et bien-être
topic-misinformation = Vrai ou faux, et l'IA
topic-digital-footprint = Empreinte numérique
topic-reporting = Signaler et obtenir de l'aide
topic-parental-controls = Appareils et contrôle parental
topic-age-limits = Classification par âge et vérification de l'âge
topic-safety-by-design = Sécurité dès la conception
topic-csam = Contenus d'abus sexuels sur enfants
topic-school-policy = Politique de l'école
topic-law-and-policy = Lois et politiques nationales
topic-sexual-content = Contenus sexuels et pornographie
topic-self-harm = Automutilation et suicide
topic-ai = Chatbots d'IA et fausses images
topic-extremism = Haine et extrémisme

topic-count = { $count ->
    [one] { $count } page sur ce thème
   *[other] { $count } pages sur ce thème
}
topics-label = Thèmes

# Ponctuation entre les éléments d'une liste et entre propositions, après les libellés et dans les titres de
# page. Entre guillemets, car Fluent supprime les espaces en bord de valeur ; espace fine insécable (U+202F)
# avant « : ».
list-separator = {", "}
clause-separator = {", "}
label-separator = {"\u202F: "}
title-separator = {" | "}

updated-on = Dernière mise à jour : { $date }
toc-title = Sur cette page
related-title = Sur le même thème, pour d'autres publics
prev-page = Précédent
next-page = Suivant
latest-title = Mises à jour récentes
feed-title = Pages récemment mises à jour (flux Atom)
bundle-link = Télécharger ce site ({ $megabytes } Mo) pour le partager sans internet
feed-link = Suivre les pages nouvelles et mises à jour dans un lecteur de flux (flux Atom)
audiences-title = À qui s'adresse ce site ?

fallback-notice = Cette page n'est pas encore traduite en français. Elle est affichée dans sa langue d'origine ({ $language }).
fallback-original = Lire la page originale

help-title = Obtenir de l'aide
help-panel-title = Besoin d'aide tout de suite ?
help-panel-text = Si quelque chose en ligne t'inquiète, parles-en à une personne de confiance. Tu peux aussi contacter une ligne d'écoute pour les enfants.
help-panel-link = Trouver une ligne d'écoute et des moyens de signaler
helpline-chat = Chat en ligne
helpline-website = Site web
helpline-hours = Horaires
helpline-languages = Langues
helplines-none = Aucune ligne d'écoute n'est encore répertoriée.

partners-title = Nos partenaires
partner-kind-un-agency = Organismes des Nations Unies
partner-kind-intergovernmental = Organisations intergouvernementales
partner-kind-eu-body = Organismes de l'Union européenne
partner-kind-network = Réseaux
partner-kind-ngo = Organisations non gouvernementales
partner-kind-industry = Entreprises
partner-source = Source

not-found-title = Page introuvable
not-found-text = Cette page est introuvable. Elle a peut-être été déplacée.
not-found-home = Aller à la page d'accueil

footer-partners = Partenaires
footer-note = Ce site ne dépose aucun cookie et ne charge rien depuis d'autres sites.

# The help page's country finder and each country's page. Region labels are the ITU-D regions.
finder-title = Trouver de l'aide dans ton pays
finder-intro = Choisis ton pays pour voir ses lignes d'écoute pour les enfants : qui appeler, à qui écrire, avec qui discuter en ligne.
finder-filter = Tape le nom de ton pays
finder-no-match = Aucun pays de la liste ne correspond à ce que tu as tapé.
region-africa = Afrique
region-americas = Amériques
region-arab-states = États arabes
region-asia-pacific = Asie-Pacifique
region-cis = Communauté des États indépendants
region-europe = Europe
country-title = Obtenir de l'aide : { $country }
country-emergency-title = En danger en ce moment ?
country-emergency = Appelle tout de suite le numéro d'urgence : celui de la police ou d'une ambulance là où tu vis. Si tu ne le connais pas, demande à un adulte près de toi.
country-trust = Raconte ce qui s'est passé à un adulte en qui tu as confiance. Ce n'est pas ta faute. Les personnes et les services de cette page sont là pour t'aider.
country-back = Autres pays et autres moyens d'obtenir de l'aide
helpline-call = Appeler le
helpline-text = Envoyer un SMS au
helpline-whatsapp = WhatsApp
helpline-free = Gratuit
# Where data comes from: $site is the source's web site (a link), $date the day the entry was taken from it.
data-from = D'après { $site }, { $date }
# Only for entries a person confirmed with the service or organisation itself.
data-confirmed = confirmé directement le { $date }
draft-banner = Brouillon : non publié. Les lecteurs ne verront cette page qu’une fois draft: true retiré.
# Search and the A-Z index
search-label = Rechercher sur ce site
search-button = Rechercher
search-title = Recherche
search-loading = Recherche en cours…
search-found = Pages qui correspondent à votre recherche :
search-none = Aucune page ne correspond à votre recherche. Essayez un autre mot, ou parcourez toutes les pages de A à Z.
search-failed = La recherche n’a pas pu se charger. Parcourez plutôt toutes les pages de A à Z.
search-no-script = La recherche a besoin de JavaScript, qui est désactivé. Toutes les pages sont listées de A à Z.
a-z-title = Toutes les pages de A à Z
a-z-intro = Toutes les pages et tous les thèmes de ce site, par ordre alphabétique.
a-z-link = Toutes les pages de A à Z
