# نصوص واجهة السمة الافتراضية (العربية).
# إلى المترجمين: احتفظوا بمعرّفات الرسائل، ولا تترجموا إلا النص الوارد بعد "=".

site-title = حماية الأطفال على الإنترنت
skip-to-content = الانتقال إلى المحتوى الرئيسي
nav-main = القائمة الرئيسية
nav-help = الحصول على المساعدة
language-switcher = اللغة
language-chooser-title = اختيار اللغة
quick-exit = مغادرة الموقع
quick-exit-hint = مغادرة هذا الموقع بسرعة. ويمكن أيضًا الضغط على مفتاح Shift ثلاث مرات.

audience-children = الأطفال واليافعون
audience-parents = الوالدان ومقدّمو الرعاية
audience-educators = المربّون
audience-industry = قطاع الصناعة
audience-policy-makers = صانعو السياسات
audience-other = صفحات أخرى

age-under-9 = دون 9 سنوات
age-9-12 = من 9 إلى 12 سنة
age-13-18 = من 13 إلى 18 سنة
age-all = لجميع الأعمار

topic-bullying = اللطف والتنمّر
topic-privacy = الخصوصية والمعلومات الشخصية
topic-passwords = كلمات المرور والحسابات
topic-unwanted-contact = الغرباء والتواصل غير المرغوب فيه
topic-images = مشاركة الصور والرسائل الجنسية والابتزاز الجنسي
topic-upsetting-content = المحتوى المزعج
topic-games = الألعاب والمشتريات داخل اللعبة
topic-scams = الاحتيال
topic-wellbeing = وقت الشاشة والرفاه
topic-misinformation = الصحيح والخاطئ والذكاء الاصطناعي
topic-digital-footprint = البصمة الرقمية
topic-reporting = الإبلاغ وطلب المساعدة
topic-parental-controls = الأجهزة وأدوات الرقابة الأبوية
topic-age-limits = التصنيفات العمرية والتحقق من العمر
topic-safety-by-design = السلامة من خلال التصميم
topic-csam = مواد الاعتداء الجنسي على الأطفال
topic-school-policy = سياسة المدرسة
topic-law-and-policy = القوانين والسياسات الوطنية
topic-sexual-content = المحتوى الجنسي والمواد الإباحية
topic-self-harm = إيذاء النفس والانتحار
topic-ai = روبوتات الدردشة بالذكاء الاصطناعي والصور المزيفة
topic-extremism = الكراهية والتطرف

topic-count = { $count ->
    [zero] لا توجد صفحات حول هذا الموضوع
    [one] صفحة واحدة حول هذا الموضوع
    [two] صفحتان حول هذا الموضوع
    [few] { $count } صفحات حول هذا الموضوع
    [many] { $count } صفحة حول هذا الموضوع
   *[other] { $count } صفحة حول هذا الموضوع
}
topics-label = المواضيع

# علامات الترقيم بين عناصر القائمة وبين أجزاء الجملة وبعد التسميات وفي عناوين الصفحات. بين علامتي اقتباس لأن
# Fluent يحذف المسافات في طرفي القيمة.
list-separator = {"، "}
clause-separator = {"، "}
label-separator = {": "}
title-separator = {" | "}

updated-on = آخر تحديث: { $date }
toc-title = في هذه الصفحة
related-title = عن الموضوع نفسه لفئات أخرى
prev-page = السابق
next-page = التالي
latest-title = آخر التحديثات
feed-title = الصفحات المحدَّثة مؤخرًا (موجز Atom)
bundle-link = نزّل هذا الموقع ({ $megabytes } ميغابايت) لمشاركته من دون إنترنت
feed-link = تابِع الصفحات الجديدة والمحدَّثة في قارئ الموجزات (موجز Atom)
audiences-title = لمن هذا الموقع؟

fallback-notice = لم تُترجم هذه الصفحة إلى العربية بعد، لذا تُعرض بلغتها الأصلية ({ $language }).
fallback-original = قراءة الصفحة الأصلية

help-title = الحصول على المساعدة
help-panel-title = بحاجة إلى مساعدة الآن؟
help-panel-text = إذا أقلقك شيء على الإنترنت، فأخبر شخصًا تثق به. ويمكنك أيضًا التحدث إلى خط مساعدة الأطفال.
help-panel-link = العثور على خط مساعدة وطرق الإبلاغ
helpline-chat = الدردشة عبر الإنترنت
helpline-website = الموقع الإلكتروني
helpline-hours = ساعات العمل
helpline-languages = اللغات
helplines-none = لم تُدرج أي خطوط مساعدة بعد.

partners-title = شركاؤنا
partner-kind-un-agency = وكالات الأمم المتحدة
partner-kind-intergovernmental = المنظمات الحكومية الدولية
partner-kind-eu-body = هيئات الاتحاد الأوروبي
partner-kind-network = الشبكات
partner-kind-ngo = المنظمات غير الحكومية
partner-kind-industry = قطاع الصناعة
partner-source = المصدر

not-found-title = الصفحة غير موجودة
not-found-text = تعذّر العثور على هذه الصفحة. ربما نُقلت إلى مكان آخر.
not-found-home = الانتقال إلى الصفحة الرئيسية

footer-partners = الشركاء
footer-note = لا يستخدم هذا الموقع أي ملفات تعريف ارتباط، ولا يحمّل أي شيء من مواقع أخرى.

# The help page's country finder and each country's page. Region labels are the ITU-D regions.
finder-title = ابحث عن المساعدة في بلدك
finder-intro = اختر بلدك لترى خطوط مساعدة الأطفال فيه: من يمكنك الاتصال به أو مراسلته أو الدردشة معه.
finder-filter = اكتب اسم بلدك
finder-no-match = لا يوجد في القائمة بلد يطابق ما كتبته.
region-africa = أفريقيا
region-americas = الأمريكتان
region-arab-states = الدول العربية
region-asia-pacific = آسيا والمحيط الهادئ
region-cis = كومنولث الدول المستقلة
region-europe = أوروبا
country-title = الحصول على المساعدة في { $country }
country-emergency-title = هل أنت في خطر الآن؟
country-emergency = اتصل برقم الطوارئ فوراً. إنه رقم الشرطة أو الإسعاف في المكان الذي تعيش فيه. إذا كنت لا تعرفه، فاسأل شخصاً كبيراً قريباً منك.
country-trust = أخبر شخصاً كبيراً تثق به بما حدث. ليس هذا خطأك. والأشخاص والخدمات المذكورون في هذه الصفحة موجودون لمساعدتك.
country-back = بلدان أخرى وطرق أخرى للحصول على المساعدة
helpline-call = اتصل على الرقم
helpline-text = أرسل رسالة نصية إلى الرقم
helpline-whatsapp = واتساب
helpline-free = مجاني
# Where data comes from: $site is the source's web site (a link), $date the day the entry was taken from it.
data-from = بحسب { $site }، { $date }
# Only for entries a person confirmed with the service or organisation itself.
data-confirmed = وتم التأكد منه مباشرة في { $date }
draft-banner = مسودة: غير منشورة. لن يرى القرّاء هذه الصفحة حتى تُحذف draft: true.
# Search and the A-Z index
search-label = ابحث في هذا الموقع
search-button = بحث
search-title = البحث
search-loading = جارٍ البحث…
search-found = الصفحات التي تطابق بحثك:
search-none = لا توجد صفحة تطابق بحثك. جرّب كلمة أخرى، أو تصفّح كل الصفحات مرتبة أبجديًا.
search-failed = تعذّر تحميل البحث. تصفّح كل الصفحات مرتبة أبجديًا بدلًا من ذلك.
search-no-script = يحتاج البحث إلى JavaScript، وهو معطّل. كل الصفحات مدرجة مرتبة أبجديًا.
a-z-title = كل الصفحات مرتبة أبجديًا
a-z-intro = كل صفحات هذا الموقع وموضوعاته، مرتبة ترتيبًا أبجديًا.
a-z-link = كل الصفحات مرتبة أبجديًا
