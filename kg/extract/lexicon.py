"""Word tables for the rules: suffixes that name a class, title heads, trigger verbs.

Domain knowledge about how Chinese news names things, not about any one page.
"""

from __future__ import annotations

from kg.extract.model import EntityType as T

# Name suffix → class, longest first at match time. A name is the suffix plus the
# words to its left up to a boundary (see recognize.py).
SUFFIX_TO_TYPE: dict[str, T] = {
    **dict.fromkeys(
        ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司", "集团", "专业合作社",
         "合作社", "律师事务所", "会计师事务所", "商业银行", "农商银行", "银行", "药业", "酒厂"],
        T.COMPANY),
    **dict.fromkeys(
        ["人民政府", "管理委员会", "管委会", "委员会", "办公厅", "办公室", "常务委员会",
         "人大常委会", "政协", "高级人民法院", "中级人民法院", "人民法院", "人民检察院", "检察院",
         "法院", "指挥部", "综治中心", "宣传部", "组织部", "统战部", "政法委", "纪委", "监委",
         "信息化部", "财政部", "商务部", "外交部", "公安部", "司法部", "教育部", "农业农村部",
         "自然资源部", "生态环境部", "交通运输部", "水利部", "发展改革委", "发改委", "卫健委",
         "党支部", "党委", "党组", "省委", "市委", "州委", "县委", "区委", "厅", "局", "分行"],
        T.GOVERNMENT_BODY),
    **dict.fromkeys(
        ["大学", "学院", "职业学校", "中职学校", "学校", "中学", "小学", "幼儿园", "中医院",
         "人民医院", "医院", "保健院", "卫生院", "协会", "学会", "研究院", "研究所", "研究中心",
         "日报社", "日报", "晚报", "报社", "杂志社", "融媒体中心", "电视台", "出版社",
         "报业集团", "融媒体集团", "传媒集团", "通讯社"],
        T.INSTITUTION),
    **dict.fromkeys(["联盟", "宣传队", "代表团", "商会", "基金会", "志愿服务队"], T.ORGANIZATION),
    **dict.fromkeys(
        ["经济技术开发区", "高新技术产业开发区", "经济开发区", "开发区", "经开区", "高新区",
         "产业园区", "产业园", "工业园区", "工业园", "示范区", "科学城", "片区", "产业带",
         "新城", "农高区", "自贸区", "保税区", "物流园", "科技园", "园区", "新区", "经济区"],
        T.PARK),
    **dict.fromkeys(["项目", "工程", "电站", "高速公路", "高速", "铁路", "机场", "生产线"], T.PROJECT),
    **dict.fromkeys(
        ["广场", "街区", "景区", "公园", "会址", "侗寨", "苗寨", "古镇", "古城", "矿场", "基地",
         "都市圈", "大湾区", "水库", "湿地"],
        T.PLACE),
}
SUFFIXES = sorted(SUFFIX_TO_TYPE, key=len, reverse=True)

# Common words that end in a suffix but name nothing (大局 is not a bureau).
NOT_NAMES = frozenset(
    "大局 格局 布局 全局 开局 变局 新局 结局 当局 大厅 餐厅 客厅 展厅 门厅 前厅 "
    "本公司 该公司 子公司 分公司 总公司 母公司 公司 集团 园区 片区 新区 新城 基地 项目 工程 "
    "学校 医院 协会 党委 党组 省委 市委 州委 县委 区委 政协 法院 检察院 委员会 办公室 "
    "指挥部 示范区 开发区 产业园 工业园 广场 景区 公园 高速 铁路 机场 银行 合作社 联盟 "
    "重点项目 在建项目 民生工程 产业项目 招商项目 签约项目 大项目 好项目 新项目 该项目 此项目 "
    "各项目 工业项目 重大项目 优质项目 建设项目 一批项目 系统工程 基础工程 "
    "生产基地 研发基地 示范基地 实训基地 培训基地 教育基地".split()
)

# Words ending in a suffix that are ordinary nouns (发展大局, 产业布局).
COMMON_ENDINGS = frozenset(
    "布局 大局 格局 开局 全局 变局 结局 当局 新局 时局 残局 僵局 大厅 餐厅 客厅 展厅 门厅 "
    "前厅 高速 高速度".split()
)
# A name does not start with these modifiers (重大项目, 现代化产业园 name no one thing).
GENERIC_MODIFIERS = tuple(
    "重大 重点 现代化 城乡 生态 零碳 国家级 省级 市级 县级 各类 标志性 在建 新建 拟建 续建 "
    "优质 一批 多个 各个 相关 其他 其它 该 本 我 这 那 全省 全市 全县 全区 全州 大型 小型 "
    "传统 新兴 地方 当地 上游 下游 龙头 企业".split()
)
# What a counted or generic noun phrase holds: a project or park named by these is a kind,
# not one thing (12个项目, 三大项目, 20亿元以上项目, 总投资118亿元5个项目, 3000亩产业园).
QUANTITY_PATTERN = (r"(?:[0-9.]+|[一二三四五六七八九十百千万两几数多]+)"
                    r"(?:个|大|项|批|类|家|余个|多个|万元|亿元|元|万亩|亩|平方米|平方公里|公顷|万平方米)"
                    r"(?:以上|以下|左右|多)?")
COUNT_PATTERN = r"(?:[0-9]+|[一二三四五六七八九十百千两几数多]+)(?:余|多)?[个大项批类]"
MONEY_PATTERN = r"[0-9.]+(?:万|亿)?元"
# A project or park name that starts with these is a description (装机容量180万千瓦…电站项目).
DESCRIPTION_LEADS = tuple("总投资 计划投资 投资 装机容量 装机 占地 总面积 建筑面积 规划面积 年产值".split())
# Endings that make a phrase a class of projects, whatever stands before them (金昌市招商引资项目).
GENERIC_PROJECT_ENDINGS = tuple(
    "招商引资项目 招商项目 重点项目 重大项目 签约项目 在建项目 续建项目 新建项目 拟建项目 储备项目 "
    "产业项目 工业项目 优质项目 民生项目 民生工程 大项目 好项目 新项目 一批项目 各类项目".split()
)
# Verbs (investing, siting) that end a project's or park's name on its left (投资粤港澳大湾区,
# 选址水口山经开区): a company's name may hold 投资 as its trade, a place's may not.
PLACE_NAME_STOPS = frozenset("投资 投建 签约 落户 引进 承建 建成 选址 搬迁 迁至 入园".split())

# Verbs that take an organisation or project as object: a name never starts before them.
GOVERNING_VERBS = frozenset(
    "争取 统筹 抓好 抓 大抓 贯彻 会见 用好 比如 强化 做强 做大 做优 解决 建立 细化 谋实 储备 "
    "拟建 在谈 攻坚 增强 聚力 入驻 融入 统揽 实现 创建 申报 启动 开工 竣工 投产 运营 推广 加速 "
    "加大 扩大 突破 构建 形成 发挥 利用 用 抓实 落实 谋划 培育 壮大 引领 见证 感谢 欢迎 走进 "
    "来到 深入 察看 了解 考察 调研 视察 督导 检查 走访 参观 看望 慰问 签署 签订 举行 召开 主持 "
    "出席 参加 推进 推动 加快 建设 打造 支持 依托 围绕 组建 成立 举办 宣布 发布 印发 出台 实施 "
    "开展 组织 邀请 成为 引进 带动 服务 保障 促进 加强 提升 完善 优化 踏察 谈 抓住 瞄准 对接".split()
)

# Words that cannot be inside a name: a name's left edge stops before them.
BOUNDARY_WORDS = frozenset(
    "在 到 来到 走进 深入 前往 赴 位于 落户 落地 和 与 及 以及 同 跟 对 向 为 由 把 将 被 从 于 "
    "是 的 了 等 就 经 据 受 会同 联合 支持 推动 推进 加快 建设 打造 依托 围绕 组建 成立 举办 召开 "
    "主办 承办 协办 指导 签署 签约 共同 有关 相关 其中 目前 现场 一行 考察 调研 视察 察看 督导 "
    "检查 走访 参观 看望 慰问 介绍 表示 说 称 听取 实地 先后 分别 还 也 都 又 并 而 但 让 使 给 "
    "带领 率 率队 陪同 参加 出席 宣布 发布 印发 出台 实施 开展 组织 邀请 作为 成为 获评 入选 引进 "
    "引导 带动 助力 服务 保障 促进 加强 提升 完善 优化 积极 主动 全力 大力 着力 持续 深化 看 "
    "了解 询问 指出 强调 要求 希望 通过 结合 包括 如 像 这 该 此 其 各 各地 各级 全省 全市 全州 "
    "全县 全区 全国 我 我们 他 她 他们 本报讯 记者 讯 通讯员 报道 上午 下午 晚上 当天 近日 日前 "
    "今年 去年 明年 以来 期间 之后 此前 同时 随后 这个 一个 一批 多家 部分 所有 主要 重点 年 月 日 "
    "获得 取得 带着 培育 共建 携手 选择 感谢 欢迎 代表 涉及 覆盖 吸引 聚焦 紧扣 牵头 负责 企业 "
    "龙头企业 上游 下游 所在 比如 例如 其他 这是 已 家 两家 多家 各 下属 暨".split()
)

# Title heads, longest first; a title is [place or organisation words] + head.
TITLE_HEADS = sorted(
    """书记 副书记 总书记 省长 副省长 市长 副市长 常务副市长 县长 副县长 区长 副区长 州长 副州长
    旗长 镇长 乡长 村长 主席 副主席 主任 副主任 部长 副部长 厅长 副厅长 局长 副局长 秘书长
    副秘书长 常委 委员 党组书记 党组成员 成员 处长 科长 院长 副院长 校长 副校长 行长 副行长
    检察长 庭长 政委 司令员 董事长 副董事长 董事 总经理 副总经理 总裁 副总裁 高级副总裁 经理
    总监 技术总监 总工程师 会长 副会长 理事长 秘书长 社长 总编辑 台长 矿长 厂长 站长 所长
    负责人 总调度长 实际控制人 创始人 主任委员 监事长 队长 组长 总理 副总理 总统 副总统 首相
    国王 王储 大使 委员长 副委员长 巡视员 副巡视员 一级巡视员 二级巡视员 调研员 一级调研员
    二级调研员""".split(),
    key=len, reverse=True,
)

# Titles written after the name (习近平总书记, 李强总理, 王沪宁主席); ``副`` may stand before
# any of them as its own word (丁薛祥副总理).
TRAILING_TITLES = frozenset(
    """总书记 国家主席 主席 总理 委员长 书记 省长 市长 县长 区长 州长 部长 总统 首相 国王 王储
    大使 董事长 主任 副主席 副部长""".split()
)

# Titles of heads of state and government, and envoys: the name after them may be a
# transliterated foreign one (斐济总理兰布卡), with no Chinese surname.
STATE_TITLES = frozenset("总理 总统 首相 国王 王储 大使 外长 外交部长 议长 苏丹 埃米尔".split())

# Titles that make a person an official (party, government, congress, CPPCC).
OFFICIAL_MARKERS = (
    "书记", "省长", "市长", "县长", "区长", "州长", "旗长", "镇长", "乡长", "常委", "人大", "政协",
    "政府", "厅长", "局长", "部长", "秘书长", "党组", "主席", "检察长", "纪委", "监委",
    "总理", "委员长", "总统", "首相", "国王", "王储",
)
COMPANY_TITLES = frozenset(
    "董事长 副董事长 董事 总经理 副总经理 总裁 副总裁 高级副总裁 经理 总监 技术总监 总工程师 "
    "矿长 厂长 实际控制人 创始人 总调度长 生产部经理 监事长".split()
)
# Words meaning "the leaders of <level>" that introduce officials without a post.
LEADER_WORDS = ("省领导", "市领导", "州领导", "县领导", "区领导", "旗领导", "镇领导")
REPORTER_WORDS = ("记者", "通讯员", "特约记者", "见习记者")

# What may follow a person's name: it fixes where a two- or three-character name ends.
NAME_FOLLOWERS = tuple(
    sorted(
        """主持 出席 参加 在 到 赴 于 来到 深入 走进 前往 率 带队 一行 同志 等 会见 会谈 接见 表示
        强调 指出 说 介绍 讲话 致辞 代表 作 对 与 和 及 陪同 调研 考察 视察 督导 检查 听取 见证 宣布
        向 为 就 通报 分别 还 也 先后 实地 召开 带领 看望 慰问 了解 要求 希望 感谢 认为 称 是 的 则
        报道 摄 指导 主讲 宣读 签署 签约 参观 察看 走访 出任 任 兼任 担任 被 已 将 近日 日前 表扬
        充分 详细 认真 一同 共同 现场 指出 所作 同 以 今天 昨天 当天 上午 下午 晚上 今年""".split(),
        key=len, reverse=True,
    )
)

VISIT_VERBS = ("调研", "考察", "视察", "督导", "走访", "察看", "检查", "督查", "暗访", "看望", "慰问",
               "国事访问", "正式访问", "友好访问", "工作访问", "抵达")
MOVE_VERBS = ("来到", "走进", "深入", "前往", "赴", "到")
MEETING_VERBS = ("会见", "会谈", "接见", "会晤")
# Meeting verbs with two sides and no object (李强同奥利举行会谈): the other side is the one
# after 同/与/和 before the verb.
TALK_CONNECTORS = ("同", "与", "跟", "和")
# 王毅参加会见, 会见时在座, 县委常委王五陪同或会见: present at a meeting, neither host nor guest.
MEETING_BYSTANDER_WORDS = ("参加", "参与", "陪同", "在座", "列席", "随同", "出席")
# Gatherings (…会议召开), and what a person named at one does there: presides or attends.
GATHERING_WORDS = ("会议", "大会", "座谈会", "推进会", "调度会", "推介会", "读书班", "论坛", "常委会",
                   "全会", "发布会")
PRESIDE_WORDS = ("主持",)
ATTEND_WORDS = ("出席", "参加", "讲话", "作报告", "致辞", "发言")
# What may join two people of one list besides their titles (A，以及英国驻上海总领事B; 新任总统A、
# 时任总统B).
PERSON_LIST_GLUE = ("、", "，", ",", "和", "及", "与", "以及", "时任", "新任", "现任", " ", "\u3000")
# A delegation told after its leader (A率领的代表团, 以A为团长的考察团一行), before the next guest.
GROUP_LEAD_WORDS = ("为团长", "为副团长", "率领", "带领", "率")
GROUP_TAIL_WORDS = ("一行", "夫妇", "等")
# 王五一行受到省委书记赵六的亲切接见: the guests stand before this, the host after it.
PASSIVE_MEETING_WORDS = ("受到", "得到")
# 市人大常委会主任胥健、市委副书记罗冬灵一同会见。: these are hosts beside the one named.
CO_HOST_WORDS = ("一同", "共同", "一起", "也", "还", "分别")
INVEST_VERBS = ("投资", "签约", "签署", "落户", "引进", "承建", "建设", "投建", "布局", "实施", "建成",
                "开工", "投产")
# Verbs after which a visit lists the sites it went to (先后来到A、B和C; 调研了X的Y).
# Bare 调研/考察/检查 take a topic (调研防汛工作); with 了 they take the sites.
STOP_LIST_VERBS = tuple(
    """先后来到 来到 先后走进 走进 先后深入 深入 先后前往 前往 走访了 察看了 参观了 视察了 调研了
    考察了 检查了 查看了 督查了 先后到 又到 还到""".split()
)
# The word a site's name ends with, when no suffix rule names it, and the class it gives.
SITE_HEADS: dict[str, T] = {
    **dict.fromkeys(
        """工贸 玻纤 菌业 实业 科技 化工 建材 电子 机械 制药 食品 纺织 棉业 电器 能源 新材料 材料
        牧业 种业 茶业 酒业 物流 商贸 电力 光伏 矿业 钢铁 玻璃 超市 酒店 宾馆 商场 农业公司
        铁矿 煤矿 船厂 工厂 厂""".split(), T.COMPANY),
    **dict.fromkeys(
        """纪念馆 博物馆 展览馆 陈列馆 展示馆 文化馆 图书馆 体育馆 公园 广场 农贸市场 市场 景区
        街区 社区 小区 码头 港区 东站 西站 南站 北站 车站 站 口岸 地下河 水库 湿地 大桥 隧道
        服务中心 实践中心 实践站 中心 基地 农场 林场 牧场 尾矿库 厂房 车间 路口 村 屯 寨 古村
        示范点 服务站 驿站 统计站 美丽乡村 小镇 支队 大队""".split(), T.PLACE),
    **dict.fromkeys("""项目 工程 生产线 综合体""".split(), T.PROJECT),
    **dict.fromkeys("""产业园 农业园 双创园 创业园 园区 工业园""".split(), T.PARK),
}

# Words that stand for the company an article is about (公司还建成了…项目).
COMPANY_ANAPHORS = ("该公司", "公司", "企业", "该企业", "集团")
ACCOMPANY_WORDS = ("陪同", "参加", "一同", "随同")
# A clause introduced by these is about a topic, not a destination.
TOPIC_CUES = ("就", "围绕", "强调", "指出", "要求", "希望", "表示", "听取", "对照", "贯彻", "学习")

# National bodies and media every Chinese political page may name; not found by suffix rules.
NATIONAL_NAMES: dict[str, tuple[str, T]] = {
    "党中央": ("中国共产党中央委员会", T.GOVERNMENT_BODY),
    "中共中央": ("中国共产党中央委员会", T.GOVERNMENT_BODY),
    "国务院": ("中华人民共和国国务院", T.GOVERNMENT_BODY),
    "全国人大": ("全国人民代表大会", T.GOVERNMENT_BODY),
    "全国政协": ("中国人民政治协商会议全国委员会", T.GOVERNMENT_BODY),
    "中央军委": ("中华人民共和国中央军事委员会", T.GOVERNMENT_BODY),
    "中纪委": ("中国共产党中央纪律检查委员会", T.GOVERNMENT_BODY),
    "中央纪委": ("中国共产党中央纪律检查委员会", T.GOVERNMENT_BODY),
    "国家发展改革委": ("中华人民共和国国家发展和改革委员会", T.GOVERNMENT_BODY),
    "新华社": ("新华通讯社", T.INSTITUTION),
    "人民日报": ("人民日报", T.INSTITUTION),
    "中央广播电视总台": ("中央广播电视总台", T.INSTITUTION),
    "求是": ("求是杂志", T.INSTITUTION),
    "中国": ("中华人民共和国", T.PLACE),
}

# The State Council's ministries and commissions, by the names news writes them with; a
# foreign country before one (俄罗斯外交部) makes it another country's.
NATIONAL_MINISTRIES: dict[str, str] = {
    **{short: "中华人民共和国" + short for short in
       """外交部 国防部 教育部 科学技术部 公安部 国家安全部 民政部 司法部 财政部 自然资源部 生态环境部
       交通运输部 水利部 农业农村部 商务部 应急管理部 审计署 工业和信息化部 人力资源和社会保障部
       住房和城乡建设部 文化和旅游部 退役军人事务部 国家发展和改革委员会 国家民族事务委员会
       国家卫生健康委员会 国家监察委员会""".split()},
    "科技部": "中华人民共和国科学技术部", "工信部": "中华人民共和国工业和信息化部",
    "人社部": "中华人民共和国人力资源和社会保障部", "住建部": "中华人民共和国住房和城乡建设部",
    "文旅部": "中华人民共和国文化和旅游部", "国家卫健委": "中华人民共和国国家卫生健康委员会",
    "国家民委": "中华人民共和国国家民族事务委员会", "国家监委": "中华人民共和国国家监察委员会",
    "农业部": "中华人民共和国农业农村部",
}

LEVEL_CHARS = {"省": T.PROVINCE, "市": T.PREFECTURE, "州": T.PREFECTURE, "盟": T.PREFECTURE,
               "县": T.COUNTY, "区": T.COUNTY, "旗": T.COUNTY, "镇": T.TOWNSHIP, "乡": T.TOWNSHIP}

# Single-character surnames (百家姓 and the common modern ones) and two-character ones.
SURNAMES = frozenset(
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛"
    "奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康"
    "伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵"
    "季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁"
    "宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌"
    "焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印"
    "宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛"
    "寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国"
    "文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查後"
    "荆红游竺权逯盖益桓公仉督晋楚闫法汝鄢涂钦归海岳帅缑亢况后有琴商牟佘佴伯赏墨哈谯笪年爱阳佟"
    "言福覃蓝付邸迟谌揭练粟楼麦邝冼仝郇庹隋矫亓"
)
DOUBLE_SURNAMES = frozenset(
    "欧阳 司马 上官 夏侯 诸葛 东方 皇甫 尉迟 公孙 令狐 宇文 长孙 慕容 司徒 司空 端木 呼延".split()
)

# Words before a title that are not part of it (受市委书记…委托, 会见…高级副总裁).
TITLE_JUNK = tuple(
    "受 由 据 经 邀请 陪同 会见 会晤 接见 看望 慰问 发表 将 在 和 与 及 同 对 向 委托 感谢 欢迎 "
    "代表 出席 参加 主持 听取 宣读 介绍 表示 称 说 时任 原 前 现任 新任 兼任 担任 任".split()
)

# Occupations that introduce a named person who holds no post (工人余元飞).
OCCUPATIONS = tuple(
    "工人 员工 职工 制片师 调度员 计划调度员 技术员 工程师 设计师 大师 村民 农民 教师 老师 医生 护士 "
    "学生 志愿者 游客 市民 居民 党员 群众 网格员 驾驶员 操作员 质检员 讲解员 主播 律师 创业者 "
    "种植户 养殖户 返乡青年".split()
)

# A local writer's words for its own region: 我县, 本市, 全区 (the level character follows).
HOME_DEIXIS_WORDS = ("我", "本", "全")
# What a bare level character heads when it means the writer's own region: 县委, 县长, 县政府,
# 市人大, 区政协, 县直 (县委书记 and 副县长 on a page with no county named are the page's county).
OWN_OFFICE_HEADS = ("委", "长", "政府", "人大", "政协", "纪委", "监委", "领导", "直", "人民政府")

# --- located-in / entity kinds (issue 11, region slice) ---
# Zones national news names by these endings (经济特区, 自贸试验区, 合作区, 自由贸易港): parks.
SUFFIX_TO_TYPE.update(dict.fromkeys(
    ["经济特区", "自贸试验区", "自由贸易试验区", "自由贸易港", "自贸港", "合作区", "试验区",
     "综合试验区", "农业园", "双创园", "创业园"], T.PARK))
SUFFIXES = sorted(SUFFIX_TO_TYPE, key=len, reverse=True)
# What a thing is said to be in, right after its name (…公司位于X县, …项目落户X镇, …园区地处X市).
LOCATION_VERBS = ("位于", "坐落于", "坐落在", "坐落", "落户于", "落户在", "落户到", "落户", "落地",
                  "地处", "建在", "选址于", "选址在", "选址", "扎根", "入驻", "位居")
# 是X县的…, 是X县一个…: a copula names where the thing is when one of these follows the region.
COPULA_PLACE_FOLLOWERS = ("的", "一", "首", "最", "唯一", "重点", "重要", "第一")


# --- Visits of state tours (issue 11, visits): 参谒中朝友谊塔、参观…, the sites such tours list.
STOP_LIST_VERBS = STOP_LIST_VERBS + tuple("参谒 瞻仰 参观 先后参观 考察了 还参谒 并参谒".split())
SITE_HEADS.update(dict.fromkeys("""纪念塔 友谊塔 塔 宫 陵园 烈士陵园 纪念碑 故居 旧址 遗址 实验室
    交易所 产业带""".split(), T.PLACE))
VISIT_VERBS = VISIT_VERBS + ("参谒", "瞻仰")


# --- Visits and meetings on real text (issue 11, visits slice) ---
# The one-character names of provinces, as 在苏期间 / 在浙期间 / 在京期间 use them: only
# read in such fixed frames, never as a word on its own.
PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省",
    "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省",
    "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省",
    "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "川": "四川省", "蜀": "四川省",
    "黔": "贵州省", "滇": "云南省", "藏": "西藏自治区", "陕": "陕西省", "甘": "甘肃省", "陇": "甘肃省",
    "青": "青海省", "蒙": "内蒙古自治区",
}  # not 宁 (南京, 宁波 too) nor 新 (新加坡) nor 港/澳/台
# 来华进行国事访问的X总统Y, 对我国进行正式访问: a guest's visit to China, said of the guest.
TO_CHINA_WORDS = ("来华", "访华", "对我国", "对中国", "访问中国", "访问我国")
# 文昌市党政代表团先后到…: a travelling group named as the subject; its leaders are the visitors.
TRAVELLING_GROUP_HEADS = ("代表团", "考察团", "访问团", "调研组", "考察组", "督导组", "督查组",
                          "检查组", "工作组", "调研团")
# 董事长周育先举行会谈: a name also ends before 举行 (jieba reads 举行会谈 as one idiom, no verb).
NAME_FOLLOWERS = tuple(sorted(NAME_FOLLOWERS + ("举行",), key=len, reverse=True))


# --- located-in and the names it needs (issue 11, located-in slice) ---
# Zone endings local pages use beside 开发区/园区: 两港工业区, 南舍工业功能区, 图克工业项目区,
# 香水镇卡子村闽宁协作产业示范园.
SUFFIX_TO_TYPE.update(dict.fromkeys(["工业区", "功能区", "项目区", "示范园"], T.PARK))
SUFFIXES = sorted(SUFFIX_TO_TYPE, key=len, reverse=True)
# Verbs of arriving that 来到X县 shares (莅临吴店镇调研): the visit is now in that region.
ARRIVE_VERBS = ("来到", "走进", "深入", "前往", "赴", "到", "来", "进驻", "莅临", "深入到")
# Verbs jieba keeps whole that end a clause before a 项目 (力争项目早建成, 充分发挥项目带动作用).
GOVERNING_VERBS = GOVERNING_VERBS | frozenset("充分发挥 掀起 力争 确保 争创 全力推进".split())
# Named sites that are places of a county as its companies are (念山湿地公园, 洞宫山景区,
# 皇香牌生猪养殖基地): on a page about one county or town they lie in it, as its companies do.
SITE_PLACE_HEADS = tuple("""景区 公园 湿地 湿地公园 纪念馆 博物馆 展览馆 陈列馆 基地 养殖基地 示范基地
    小镇 遗址 水库 农场 林场 牧场 采摘园 服务中心 实践中心 智算中心 数据中心""".split())
