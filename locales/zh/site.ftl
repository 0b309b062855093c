# 默认主题的界面文字（简体中文）。
# 译者：请保留消息ID；只翻译“=”后面的文字。

site-title = 儿童在线保护
skip-to-content = 跳到主要内容
nav-main = 主菜单
nav-help = 获取帮助
language-switcher = 语言
language-chooser-title = 选择语言
quick-exit = 离开本网站
quick-exit-hint = 快速离开本网站。也可以连按三次Shift键。

audience-children = 儿童和青少年
audience-parents = 家长和照顾者
audience-educators = 教育工作者
audience-industry = 业界
audience-policy-makers = 政策制定者
audience-other = 其他页面

age-under-9 = 9岁以下
age-9-12 = 9至12岁
age-13-18 = 13至18岁
age-all = 适合所有年龄

topic-bullying = 友善和欺凌
topic-privacy = 隐私和个人信息
topic-passwords = 密码和账户
topic-unwanted-contact = 陌生人和不想要的联系
topic-images = 分享照片、互发裸照和性勒索
topic-upsetting-content = 令人不安的内容
topic-games = 游戏和游戏内购买
topic-scams = 诈骗
topic-wellbeing = 屏幕时间和身心健康
topic-misinformation = 辨别真假和人工智能
topic-digital-footprint = 数字足迹
topic-reporting = 举报和获取帮助
topic-parental-controls = 设备和家长控制
topic-age-limits = 年龄分级和年龄验证
topic-safety-by-design = 安全始于设计
topic-csam = 儿童性虐待材料
topic-school-policy = 学校政策
topic-law-and-policy = 法律和国家政策
topic-sexual-content = 性内容和色情制品
topic-self-harm = 自我伤害和自杀
topic-ai = 人工智能聊天机器人和虚假图像
topic-extremism = 仇恨和极端主义

topic-count = 本主题共有{ $count }页
topics-label = 主题

# 列表项之间（、）、分句之间（，）、标签之后和页面标题中的标点。加引号是因为 Fluent 会去掉值两端的空格。
list-separator = {"、"}
clause-separator = {"，"}
label-separator = {"："}
title-separator = {" | "}

updated-on = 最后更新：{ $date }
toc-title = 本页内容
related-title = 同一主题，面向其他读者
prev-page = 上一页
next-page = 下一页
latest-title = 最近更新
feed-title = 最近更新的页面（Atom 订阅源）
bundle-link = 下载本网站（{ $megabytes } MB），无需联网即可分享
feed-link = 在订阅阅读器中关注新增和更新的页面（Atom 订阅源）
audiences-title = 本网站适合谁？

fallback-notice = 本页尚未翻译成中文，现以原文语言（{ $language }）显示。
fallback-original = 阅读原文页面

help-title = 获取帮助
help-panel-title = 现在需要帮助吗？
help-panel-text = 如果网上有什么事让你担心，请告诉你信任的人。你也可以联系儿童求助热线。
help-panel-link = 查找求助热线和举报途径
helpline-chat = 在线聊天
helpline-website = 网站
helpline-hours = 服务时间
helpline-languages = 语言
helplines-none = 暂未列出任何求助热线。

partners-title = 我们的合作伙伴
partner-kind-un-agency = 联合国机构
partner-kind-intergovernmental = 政府间组织
partner-kind-eu-body = 欧洲联盟机构
partner-kind-network = 网络组织
partner-kind-ngo = 非政府组织
partner-kind-industry = 业界
partner-source = 来源

not-found-title = 找不到页面
not-found-text = 我们找不到这个页面，它可能已经移到别处。
not-found-home = 前往首页

footer-partners = 合作伙伴
footer-note = 本网站不设置任何Cookie，也不从其他网站加载任何内容。

# The help page's country finder and each country's page. Region labels are the ITU-D regions.
finder-title = 查找你所在国家的帮助
finder-intro = 选择你所在的国家，查看那里的儿童求助热线：可以打电话、发短信或在线聊天的对象。
finder-filter = 输入你所在国家的名称
finder-no-match = 列表中没有与你输入的内容相符的国家。
region-africa = 非洲
region-americas = 美洲
region-arab-states = 阿拉伯国家
region-asia-pacific = 亚太地区
region-cis = 独立国家联合体
region-europe = 欧洲
country-title = 在{ $country }获取帮助
country-emergency-title = 现在有危险吗？
country-emergency = 马上拨打紧急电话，也就是你住的地方报警或叫救护车的号码。如果你不知道这个号码，就问问身边的大人。
country-trust = 把发生的事告诉一个你信任的大人。这不是你的错。这一页上的人和服务都会帮助你。
country-back = 其他国家和更多求助方式
helpline-call = 拨打
helpline-text = 发短信至
helpline-whatsapp = WhatsApp
helpline-free = 免费
# Where data comes from: $site is the source's web site (a link), $date the day the entry was taken from it.
data-from = 来源：{ $site }，{ $date }
# Only for entries a person confirmed with the service or organisation itself.
data-confirmed = 已于{ $date }直接确认
draft-banner = 草稿：尚未发布。删除 draft: true 之前，读者看不到此页面。
# Search and the A-Z index
search-label = 搜索本网站
search-button = 搜索
search-title = 搜索
search-loading = 正在搜索…
search-found = 与您的搜索相符的页面：
search-none = 没有与您的搜索相符的页面。请换一个词，或浏览按字母顺序排列的全部页面。
search-failed = 搜索无法加载。请改为浏览按字母顺序排列的全部页面。
search-no-script = 搜索需要 JavaScript，但它已关闭。全部页面已按字母顺序列出。
a-z-title = 全部页面（按字母顺序）
a-z-intro = 本网站的全部页面和主题，按字母顺序排列。
a-z-link = 全部页面（按字母顺序）
