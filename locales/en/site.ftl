# Interface strings of the default theme (English, the default language).
# Translators: keep the message ids; translate only the text after "=".

site-title = Child Online Protection
skip-to-content = Skip to main content
nav-main = Main
nav-help = Get help
language-switcher = Language
language-chooser-title = Choose your language
quick-exit = Leave this site
quick-exit-hint = Leave this site quickly. You can also press Shift three times.

audience-children = Children and young people
audience-parents = Parents and carers
audience-educators = Educators
audience-industry = Industry
audience-policy-makers = Policy-makers
audience-other = Other pages

age-under-9 = Under 9
age-9-12 = 9 to 12
age-13-18 = 13 to 18
age-all = For all ages

topic-bullying = Kindness and bullying
topic-privacy = Privacy and personal information
topic-passwords = Passwords and accounts
topic-unwanted-contact = Strangers and unwanted contact
topic-images = Sharing pictures, sexting and sextortion
topic-upsetting-content = Upsetting content
topic-games = Games and in-game purchases
topic-scams = Scams
topic-wellbeing = Screen time and wellbeing
topic-misinformation = True or false, and AI
topic-digital-footprint = Digital footprint
topic-reporting = Reporting and getting help
topic-parental-controls = Devices and parental controls
topic-age-limits = Age ratings and age checks
topic-safety-by-design = Safety by design
topic-csam = Child sexual abuse material
topic-school-policy = School policy
topic-law-and-policy = Law and national policy
topic-sexual-content = Sexual content and pornography
topic-self-harm = Self-harm and suicide
topic-ai = AI chatbots and fake images
topic-extremism = Hate and extremism

topic-count = { $count ->
    [one] { $count } page on this topic
   *[other] { $count } pages on this topic
}
topics-label = Topics

# Punctuation between list items and between clauses, after labels and in page titles. Quoted, since Fluent
# trims the spaces around a plain value.
list-separator = {", "}
clause-separator = {", "}
label-separator = {": "}
title-separator = {" | "}

updated-on = Last updated: { $date }
toc-title = On this page
related-title = On the same topic for others
prev-page = Previous
next-page = Next
latest-title = Recently updated
feed-title = Recently updated pages (Atom feed)
bundle-link = Download this site ({ $megabytes } MB) to share it without the internet
feed-link = Follow new and updated pages in a feed reader (Atom feed)
audiences-title = Who is this for?

fallback-notice = This page has not been translated into your language yet. It is shown in { $language }.
fallback-original = Read the original page

help-title = Get help
help-panel-title = Need help now?
help-panel-text = If something online worries you, tell someone you trust. You can also talk to a child helpline.
help-panel-link = Find a helpline and ways to report
helpline-chat = Chat online
helpline-website = Website
helpline-hours = Open
helpline-languages = Languages
helplines-none = No helplines are listed yet.

partners-title = Our partners
partner-kind-un-agency = United Nations agencies
partner-kind-intergovernmental = Intergovernmental organisations
partner-kind-eu-body = European Union bodies
partner-kind-network = Networks
partner-kind-ngo = Non-governmental organisations
partner-kind-industry = Industry
partner-source = Source

not-found-title = Page not found
not-found-text = We could not find this page. It may have moved.
not-found-home = Go to the home page

footer-partners = Partners
footer-note = This site sets no cookies and loads nothing from other sites.

# The help page's country finder and each country's page. Region labels are the ITU-D regions.
finder-title = Find help in your country
finder-intro = Choose your country to see its child helplines: who you can call, text or chat with.
finder-filter = Type the name of your country
finder-no-match = No country in the list matches what you typed.
region-africa = Africa
region-americas = The Americas
region-arab-states = Arab States
region-asia-pacific = Asia and the Pacific
region-cis = Commonwealth of Independent States
region-europe = Europe
country-title = Get help in { $country }
country-emergency-title = In danger right now?
country-emergency = Call the emergency number straight away. It is the number for the police or an ambulance where you live. If you do not know it, ask an adult near you.
country-trust = Tell an adult you trust what happened. It is not your fault. The people and services on this page are there to help you.
country-back = Other countries and more ways to get help
helpline-call = Call
helpline-text = Text
helpline-whatsapp = WhatsApp
helpline-free = Free of charge
# Where data comes from: $site is the source's web site (a link), $date the day the entry was taken from it.
data-from = From { $site }, { $date }
# Only for entries a person confirmed with the service or organisation itself.
data-confirmed = confirmed directly on { $date }
draft-banner = Draft: not published. Readers do not see this page until draft: true is removed.
# Search and the A-Z index
search-label = Search this site
search-button = Search
search-title = Search
search-loading = Searching…
search-found = Pages that match your search:
search-none = No page matches your search. Try another word, or look through every page from A to Z.
search-failed = Search could not load. Look through every page from A to Z instead.
search-no-script = Search needs JavaScript, which is off. Every page is listed from A to Z instead.
a-z-title = All pages from A to Z
a-z-intro = Every page and topic of this site, in alphabetical order.
a-z-link = All pages from A to Z
