"""Word tables for the rules: suffixes that name a class, title heads, trigger verbs.

Domain knowledge about how Chinese news names things, not about any one page. The words
are data, one file per concept in ``kg/extract/words/`` (``<name in lower case>.txt``: one
word a line, or a word and its value separated by a tab; lines starting with ``#`` are
comments). This module loads them under the names the rules import and says what each
means; to add a word, add a line to its file. The order of a file is kept where it matters
(``MOVE_VERBS`` is tried in that order); lists matched longest first are sorted here.
"""

from __future__ import annotations

from importlib import resources

from kg.extract.model import EntityType as T


def words(name: str) -> tuple[str, ...]:
    """The words of ``words/<name>.txt`` in file order (comments and blank lines left out)."""
    text = resources.files("kg.extract").joinpath("words", f"{name}.txt").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


def rows(name: str) -> list[list[str]]:
    """The lines of ``words/<name>.txt`` split at tabs: a word and its value(s)."""
    return [line.split("\t") for line in words(name)]


def _types(name: str) -> dict[str, T]:
    return {word: T(value) for word, value in rows(name)}


# Name suffix → class, longest first at match time. A name is the suffix plus the
# words to its left up to a boundary (see names.py).
SUFFIX_TO_TYPE: dict[str, T] = _types("suffix_to_type")
SUFFIXES = sorted(SUFFIX_TO_TYPE, key=len, reverse=True)

# Common words that end in a suffix but name nothing (大局 is not a bureau).
NOT_NAMES = frozenset(words("not_names"))
# Words ending in a suffix that are ordinary nouns (发展大局, 产业布局).
COMMON_ENDINGS = frozenset(words("common_endings"))
# A name does not start with these modifiers (重大项目, 现代化产业园 name no one thing).
GENERIC_MODIFIERS = words("generic_modifiers")
# What a counted or generic noun phrase holds: a project or park named by these is a kind,
# not one thing (12个项目, 三大项目, 20亿元以上项目, 总投资118亿元5个项目, 3000亩产业园).
QUANTITY_PATTERN = (r"(?:[0-9.]+|[一二三四五六七八九十百千万两几数多]+)"
                    r"(?:个|大|项|批|类|家|余个|多个|万元|亿元|元|万亩|亩|平方米|平方公里|公顷|万平方米)"
                    r"(?:以上|以下|左右|多)?")
COUNT_PATTERN = r"(?:[0-9]+|[一二三四五六七八九十百千两几数多]+)(?:余|多)?[个大项批类]"
MONEY_PATTERN = r"[0-9.]+(?:万|亿)?元"
# A project or park name that starts with these is a description (装机容量180万千瓦…电站项目).
DESCRIPTION_LEADS = words("description_leads")
# Endings that make a phrase a class of projects, whatever stands before them (金昌市招商引资项目).
GENERIC_PROJECT_ENDINGS = words("generic_project_endings")
# Verbs (investing, siting) that end a project's or park's name on its left (投资粤港澳大湾区,
# 选址水口山经开区): a company's name may hold 投资 as its trade, a place's may not.
PLACE_NAME_STOPS = frozenset(words("place_name_stops"))

# Verbs that take an organisation or project as object: a name never starts before them.
GOVERNING_VERBS = frozenset(words("governing_verbs"))
# Words that cannot be inside a name: a name's left edge stops before them.
BOUNDARY_WORDS = frozenset(words("boundary_words"))

# Title heads, longest first; a title is [place or organisation words] + head.
TITLE_HEADS = sorted(words("title_heads"), key=len, reverse=True)
# Parties named before the region of a title (中共鞍山市委书记, 民革贵州省委主委): party → whether
# the title keeps it ("keep") or drops it ("drop"); "org": a party outside the mainland's system
# is the post's organisation (中国国民党荣誉副主席 → 荣誉副主席 of the party).
PARTY_PREFIXES: dict[str, str] = {w: v for w, v in rows("party_prefixes")}
# Prefecture bodies whose titles carry no level word (地委书记, 行署专员).
PREFECTURE_OFFICES = words("prefecture_offices")
# Verbs of talks whose other side stands after 同/与 (座谈, 洽谈).
TALK_VERBS = words("talk_verbs")
# Verbs of calling on someone: the one called on (after the verb) hosts the callers.
CALL_ON_VERBS = words("call_on_verbs")
# Titles written after the name (习近平总书记, 李强总理, 王沪宁主席); ``副`` may stand before
# any of them as its own word (丁薛祥副总理).
TRAILING_TITLES = frozenset(words("trailing_titles"))
# Titles of heads of state and government, and envoys: the name after them may be a
# transliterated foreign one (斐济总理兰布卡), with no Chinese surname.
STATE_TITLES = frozenset(words("state_titles"))
# One-character short forms of countries written before a head of state's title (俄总统普京).
COUNTRY_ABBREVIATIONS = frozenset(words("country_abbreviations"))
# Titles that make a person an official (party, government, congress, CPPCC).
OFFICIAL_MARKERS = words("official_markers")
COMPANY_TITLES = frozenset(words("company_titles"))
# Words meaning "the leaders of <level>" that introduce officials without a post.
LEADER_WORDS = words("leader_words")
REPORTER_WORDS = words("reporter_words")
# Labels of credit lines (作者:, 责任编辑:, 记者/): the names after them are people of the page.
CREDIT_WORDS = words("credit_words")
# What may follow a person's name: it fixes where a two- or three-character name ends (举行:
# jieba reads 举行会谈 as one idiom, with no verb).
NAME_FOLLOWERS = tuple(sorted(words("name_followers"), key=len, reverse=True))

# Verbs of inspecting (调研, 考察 …) and of going somewhere (来到, 赴 …): a visit.
VISIT_VERBS = words("visit_verbs")
MOVE_VERBS = words("move_verbs")
MEETING_VERBS = words("meeting_verbs")
# Meeting verbs with two sides and no object (李强同奥利举行会谈): the other side is the one
# after 同/与/和 before the verb.
TALK_CONNECTORS = words("talk_connectors")
# 王毅参加会见, 会见时在座, 县委常委王五陪同或会见: present at a meeting, neither host nor guest.
MEETING_BYSTANDER_WORDS = words("meeting_bystander_words")
# Gatherings (…会议召开), and what a person named at one does there: presides or attends.
GATHERING_WORDS = words("gathering_words")
PRESIDE_WORDS = words("preside_words")
ATTEND_WORDS = words("attend_words")
# What may join two people of one list besides their titles (A，以及英国驻上海总领事B; 新任总统A、
# 时任总统B): punctuation and spaces, so written here rather than as lines of a file.
PERSON_LIST_GLUE = ("、", "，", ",", "和", "及", "与", "以及", "时任", "新任", "现任", " ", "\u3000")
# A delegation told after its leader (A率领的代表团, 以A为团长的考察团一行), before the next guest.
GROUP_LEAD_WORDS = words("group_lead_words")
GROUP_TAIL_WORDS = words("group_tail_words")
# 王五一行受到省委书记赵六的亲切接见: the guests stand before this, the host after it.
PASSIVE_MEETING_WORDS = words("passive_meeting_words")
# 市人大常委会主任胥健、市委副书记罗冬灵一同会见。: these are hosts beside the one named.
CO_HOST_WORDS = words("co_host_words")
INVEST_VERBS = words("invest_verbs")
# 投资方X公司负责人介绍: the role word before a company that invests in the project last named.
INVESTOR_ROLES = words("investor_roles")
# Verbs after which a visit lists the sites it went to (先后来到A、B和C; 调研了X的Y; 参谒…).
# Bare 调研/考察/检查 take a topic (调研防汛工作); with 了 they take the sites.
STOP_LIST_VERBS = words("stop_list_verbs")
# The word a site's name ends with, when no suffix rule names it, and the class it gives.
SITE_HEADS: dict[str, T] = _types("site_heads")
# Heads that also name a whole field (农业): a site only after a name of its own (宜景农业),
# not after a common word (特色农业, 设施农业).
SECTOR_HEADS = words("sector_heads")

# Words that stand for the company an article is about (公司还建成了…项目).
COMPANY_ANAPHORS = words("company_anaphors")
ACCOMPANY_WORDS = words("accompany_words")
# A clause introduced by these is about a topic, not a destination.
TOPIC_CUES = words("topic_cues")

# National bodies and media every Chinese political page may name; not found by suffix rules
# (the short name, the full one, the class).
NATIONAL_NAMES: dict[str, tuple[str, T]] = {short: (full, T(cls)) for short, full, cls in rows("national_names")}

# The State Council's ministries and commissions, by the names news writes them with (and the
# full name); a foreign country before one (俄罗斯外交部) makes it another country's.
NATIONAL_MINISTRIES: dict[str, str] = dict(rows("national_ministries"))  # type: ignore[arg-type]
# Oceans, seas, world regions and named areas (京津冀, 长江经济带): places, no regions.
NAMED_AREAS = frozenset(words("named_areas"))
# International organizations as written → their full names (世卫组织 → 世界卫生组织).
INTERNATIONAL_ORGANIZATIONS: dict[str, str] = dict(rows("international_organizations"))  # type: ignore[arg-type]

# How the names of townships and villages end (GB/T 2260 below the county).
TOWNSHIP_SUFFIXES = words("township_suffixes")
VILLAGE_SUFFIXES = words("village_suffixes")
# Kinds of village a name may end in (美丽乡村, 乡村振兴示范村, 温泉度假村): a site, no village.
VILLAGE_KINDS = tuple(words("village_kinds"))
LEVEL_CHARS: dict[str, T] = _types("level_chars")

# Single-character surnames (百家姓 and the common modern ones) and two-character ones.
SURNAMES = frozenset(words("surnames"))
DOUBLE_SURNAMES = frozenset(words("double_surnames"))

# Words before a title that are not part of it (受市委书记…委托, 会见…高级副总裁).
TITLE_JUNK = words("title_junk")

# Occupations that introduce a named person who holds no post (工人余元飞).
OCCUPATIONS = words("occupations")

# A local writer's words for its own region: 我县, 本市, 全区 (the level character follows).
HOME_DEIXIS_WORDS = words("home_deixis_words")
# What a bare level character heads when it means the writer's own region: 县委, 县长, 县政府,
# 市人大, 区政协, 县直 (县委书记 and 副县长 on a page with no county named are the page's county).
OWN_OFFICE_HEADS = words("own_office_heads")

# What a thing is said to be in, right after its name (…公司位于X县, …项目落户X镇, …园区地处X市).
LOCATION_VERBS = words("location_verbs")
# 是X县的…, 是X县一个…: a copula names where the thing is when one of these follows the region.
COPULA_PLACE_FOLLOWERS = words("copula_place_followers")

# The one-character names of provinces, as 在苏期间 / 在浙期间 / 在京期间 use them: only read in
# such fixed frames, never as a word on its own (not 宁: 南京, 宁波 too; nor 新: 新加坡; nor 港/澳/台).
PROVINCE_ABBREVIATIONS: dict[str, str] = dict(rows("province_abbreviations"))  # type: ignore[arg-type]
# 来华进行国事访问的X总统Y, 对我国进行正式访问: a guest's visit to China, said of the guest.
TO_CHINA_WORDS = words("to_china_words")
# 文昌市党政代表团先后到…: a travelling group named as the subject; its leaders are the visitors.
TRAVELLING_GROUP_HEADS = words("travelling_group_heads")
# Verbs of arriving that 来到X县 shares (莅临吴店镇调研): the visit is now in that region.
ARRIVE_VERBS = words("arrive_verbs")
# Named sites that are places of a county as its companies are (念山湿地公园, 洞宫山景区,
# 皇香牌生猪养殖基地): on a page about one county or town they lie in it, as its companies do.
SITE_PLACE_HEADS = words("site_place_heads")
