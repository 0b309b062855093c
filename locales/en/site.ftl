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
audiences-title = Who is this for?

fallback-notice = This page has not been translated into your language yet. It is shown in { $language }.
fallback-original = Read the original page

help-title = Get help
help-panel-title = Need help now?
help-panel-text = If something online worries you, tell someone you trust. You can also talk to a child helpline.
help-panel-link = Find a helpline and ways to report
helplines-title = Child helplines by country
helpline-phone = Phone
helpline-sms = Text (SMS)
helpline-chat = Chat online
helpline-website = Website
helpline-hours = Open
helpline-languages = Languages
helpline-source = Source
helpline-verified = Checked on { $date }
helplines-none = No helplines are listed yet.

partners-title = Our partners
partner-kind-un-agency = United Nations agencies
partner-kind-intergovernmental = Intergovernmental organisations
partner-kind-eu-body = European Union bodies
partner-kind-network = Networks
partner-kind-ngo = Non-governmental organisations
partner-kind-industry = Industry
partner-source = Source
partner-verified = checked on { $date }

not-found-title = Page not found
not-found-text = We could not find this page. It may have moved.
not-found-home = Go to the home page

footer-partners = Partners
footer-note = This site sets no cookies and loads nothing from other sites.
