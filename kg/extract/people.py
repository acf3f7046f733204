"""People: names after titles (市委书记、市长王雄飞), after 记者, in lists, and their posts.

Reads sentences; writes person spans and the raw title chains that precede them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon import (COMPANY_TITLES, DOUBLE_SURNAMES, GROUP_LEAD_WORDS, INTERNATIONAL_ORGANIZATIONS, LEADER_WORDS, LEVEL_CHARS, MEETING_VERBS, NAME_FOLLOWERS, REPORTER_WORDS,
                                OCCUPATIONS, PASSIVE_MEETING_WORDS, STATE_TITLES, SURNAMES, TITLE_HEADS, TITLE_JUNK,
                                TRAILING_TITLES)
from kg.extract.model import EntityType

_HEAD_RE = re.compile("(?:" + "|".join(re.escape(h) for h in TITLE_HEADS) + ")")
_CHAIN_BREAK = re.compile(r"[，,。；;：:！？!?“”\"《》\s]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_OCCUPATION_RE = re.compile("|".join(sorted(OCCUPATIONS, key=len, reverse=True)))
_FORBIDDEN_IN_NAME = set("的了和与及在是为对到等、，。")
_GIVEN_NAME_OK = set("和为")  # in the middle of a three-character name
# 王和平来临湘市考察: 来 (comes to) after three characters ends a name; after two it may be
# the name's own last character (张来).
_AFTER_THREE = ("来",)


@dataclass(frozen=True)
class PersonSpan:
    start: int
    end: int
    name: str
    titles: tuple[tuple[int, int, str], ...]  # (start, end, text) of each title, in order
    official: bool = False


def is_surname_start(text: str) -> bool:
    return bool(text) and (text[0] in SURNAMES or text[:2] in DOUBLE_SURNAMES)


def _common_word(word: str) -> bool:
    """A dictionary word that is not a person name (明确, 通讯员)."""
    from kg.extract.segment import word_tag

    tag = word_tag(word)
    return tag is not None and not tag.startswith("nr")


def _function_word(word: str) -> bool:
    """关于, 对于, 以及: prepositions, conjunctions and the like never start a name."""
    from kg.extract.segment import word_tag

    tag = word_tag(word) or ""
    return tag[:1] in ("p", "c", "u", "r", "d")


# 艾尔肯·吐尼亚孜, 阿卜杜热西提·买买提: transliterated names, parts joined by a middle dot.
_DOTTED_HEAD = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・][\u4e00-\u9fff]{1,10}){0,2}[·•・]")


_FORMS_OF_ADDRESS = ("先生", "女士", "师傅", "老师", "大爷", "大妈", "阿姨", "小姐")
_LONG_FOLLOWERS = tuple(f for f in NAME_FOLLOWERS if len(f) >= 2)
# How far past a name the rules look (a follower word, a verb in six characters): what
# follows is read in a slice this long, not to the end of the text (a copy of the rest of
# a 1 MB line at every candidate name made reading a long line quadratic).
_AHEAD = max(6, *map(len, NAME_FOLLOWERS))


def _dotted_end(text: str, pos: int) -> int | None:
    """The last part ends where the sentence goes on (到, 表示 …) or the text stops being Han."""
    head = _DOTTED_HEAD.match(text, pos)
    if not head:
        return None
    for end in range(head.end() + 1, min(len(text), head.end() + 10) + 1):
        rest = text[end:end + _AHEAD]
        if not _CJK.match(text[end - 1]):
            return None
        if not rest or not _CJK.match(rest[0]) or rest.startswith(NAME_FOLLOWERS) \
                or rest.startswith(_AFTER_A_DOTTED_NAME):
            return end
    return None


# 院长沃尔夫冈·菲斯特教授: what follows a foreign name is no part of it
_AFTER_A_DOTTED_NAME = _FORMS_OF_ADDRESS + ("教授", "博士", "院士", "夫人", "一行")


def name_at(text: str, pos: int) -> int | None:
    """End of a 2- or 3-character name (or a dotted transliterated one) starting at ``pos``,
    judged by what follows it."""
    dotted = _dotted_end(text, pos)
    if dotted:
        return dotted
    end = _name_end(text, pos)
    if end is None or _common_word(text[pos:end]) or text[pos:end] in REPORTER_WORDS \
            or text[pos:end + 1].endswith(_FORMS_OF_ADDRESS) or text[pos + 1:end + 1].startswith(_FORMS_OF_ADDRESS):
        return None  # 杜先生, 王女士: a surname and a form of address name no one
    if end - pos == 3 and _common_word(text[pos:pos + 2]) and (
            _common_word(text[pos + 1:end]) or _function_word(text[pos:pos + 2])):
        return None  # 关于发: ordinary words, not a name
    if end - pos == 3 and text[pos + 1:end] in _BODY_WORDS:
        return None  # 区长向商会代表通报: 向 and the body spoken to, not a name
    if end - pos == 3 and _common_verb(text[pos:pos + 2]):
        return None  # 总书记强调要加快…: a common verb (强调) and a word, not 强 and a given name
    if end - pos == 3 and _plain_word(text[pos:pos + 2]) and _plain_word(text[pos + 2:pos + 4]):
        return None  # 群众安置工作: two words (安置|工作) across the name's end, not 安 and a given name
    if end - pos == 3 and _words_across(text, pos):
        return None
    if end - pos == 2 and _function_word(text[pos]) and _plain_word(text[pos + 1:pos + 3]):
        return None  # 农民都参与, 市民都可以: an adverb and a word across the name's end (1 of 3,821 MSRA names)
    return end


def _words_across(text: str, pos: int) -> bool:
    """在习近平主席卓越领导下, 记者从工业和信息化部获悉: the three characters at ``pos`` open a word
    (卓越, ≥ 300) and end in a very common one (领导, ≥ 3,000), or a preposition (从, 同, 对 …)
    opens them before a word (工业, 水利部, ≥ 1,000). Neither holds for any of the 10,596
    three-character names of MSRA NER train in their sentences."""
    from kg.extract.segment import word_freq

    if word_freq(text[pos:pos + 2]) >= 300 and word_freq(text[pos + 2:pos + 4]) >= 3000:
        return True
    return text[pos] in "从同向跟对被把让给" and any(word_freq(text[pos + 1:pos + k]) >= 1000 for k in (3, 4))


def _plain_word(word: str) -> bool:
    """A dictionary word (≥ 300) that jieba does not tag as a name. Of the 10,596 three-character
    names of MSRA NER train in their sentences, none both opens with one and ends with the first
    character of another."""
    from kg.extract.segment import word_freq, word_tag

    tag = word_tag(word)
    return tag is not None and not tag.startswith("nr") and (word_freq(word) or 0) >= 300


def _common_verb(word: str) -> bool:
    """A verb, adverb, preposition or conjunction of the dictionary frequent enough (≥ 1,000)
    that no given name starts with it: of the 3,490 three-character names of MSRA NER train,
    none opens with one (强调, 要求; 何新荣 and 徐步青 open with rare ones)."""
    from kg.extract.segment import word_freq, word_tag

    return word_tag(word) in ("v", "vd", "p", "d", "c") and (word_freq(word) or 0) >= 1000


# Words for a body that end no given name (王区长向商会代表…, 局长对公司…).
_BODY_WORDS = frozenset(("商会", "公司", "集团", "政府", "协会", "学会", "工会", "企业", "部门", "单位", "群众"))


def _name_end(text: str, pos: int) -> int | None:
    if not is_surname_start(text[pos:pos + 2]):
        return None
    if text[pos:pos + 2] in DOUBLE_SURNAMES:
        four = _four_end(text, pos)  # 欧阳建华在: not 欧阳建
        if four is not None:
            return four
    end = _short_name_end(text, pos)
    return end if end is not None else _four_end(text, pos)


def _four_end(text: str, pos: int) -> int | None:
    """A four-character name: a double surname and a given name of two (欧阳晓晖), or a
    Tibetan or Mongolian name written without a dot (白玛才旺, 巴音朝鲁), when a whole
    follower word of two or more characters or a break comes right after it."""
    end = pos + 4
    piece = text[pos:end]
    if len(piece) < 4 or any(c in _FORBIDDEN_IN_NAME or not _CJK.match(c) for c in piece) \
            or piece[-1] in "并和及与同跟":
        return None  # 拉霍娃并出席: a connector ends no four-character name
    rest = text[end:end + _AHEAD]
    if rest and _CJK.match(rest[0]) and not rest.startswith(_LONG_FOLLOWERS) and rest[0] not in "在等和及与":
        return None
    if _common_word(piece) or _common_word(piece[2:]) and piece[:2] not in DOUBLE_SURNAMES:
        return None
    return end


def _short_name_end(text: str, pos: int) -> int | None:
    for length in (2, 3):
        end = pos + length
        if end > len(text):
            return None
        piece = text[pos:end]
        if length == 2 and piece[1] in _GIVEN_NAME_OK and not text.startswith(NAME_FOLLOWERS, end):
            continue  # 王和平, 李为民: 和 and 为 may open a given name of two characters
        if any((c in _FORBIDDEN_IN_NAME and not (length == 3 and i == 1 and c in _GIVEN_NAME_OK))
               or not _CJK.match(c) for i, c in enumerate(piece)):
            return None
        rest = text[end:end + _AHEAD]
        if length == 2 and rest.startswith("来") and _place_at(text, end + 1):
            return end  # 李明来宜昌市调研, 王芳来我县: 来 comes to a place, the name is two long
        if not rest or not _CJK.match(rest[0]) or rest.startswith(NAME_FOLLOWERS) or (
                length == 3 and (_starts_with_verb(rest) or (
                    rest.startswith(_AFTER_THREE) and not _common_word(piece[:2])))):
            # 刘军陪同, 王芳一同调研: a whole follower word of two or more characters right
            # after two characters settles it; a one-character one (和, 在) may be the name's end.
            if (length == 2 and len(text) > end and rest.startswith(NAME_FOLLOWERS)
                    and not rest.startswith(_LONG_FOLLOWERS)):
                three = text[pos:end + 1]
                after = text[end + 1:end + 1 + _AHEAD]
                # 张国和表示: the third character is part of the name when a follower comes
                # after it (but not 的 after a follower: 李飞作的报告, 王强说的); 陈伟说。: a
                # one-character follower that ends the clause is not.
                if (_CJK.match(three[-1]) and three[-1] not in _FORBIDDEN_IN_NAME
                        and ((after and after.startswith(NAME_FOLLOWERS)
                              and not (three[-1] in "作说称讲" and after.startswith("的")))
                             or ((not after or not _CJK.match(after[0])) and three[-1] not in NAME_FOLLOWERS))
                        and not rest.startswith(("在", "到", "和", "与", "及", "对", "为", "是", "等", "的",
                                                 "还", "也", "又", "都", "就", "将", "已", "被", "则",
                                                 "时", "从", "曾", "率", "携"))):  # 会见李伟时表示: not 李伟时;
                    # 陈曦率调研组来到, 陶媚携调研组到: 率 and 携 lead a group, they end the name
                    return end + 1
            return end
    return None


def _place_at(text: str, pos: int) -> bool:
    """Whether a region's name (or 我市, 我县 …) starts at ``pos``."""
    from kg.extract.regions import load_gazetteer

    if text[pos:pos + 1] == "我" and text[pos + 1:pos + 2] in "市县区省州镇乡旗":
        return True
    names = load_gazetteer().by_name
    return any(text[pos:pos + k] in names for k in range(2, 8))


def _head_runs_on(text: str, head_start: int, pos: int) -> bool:
    """The head and the character after it are one dictionary word (轮值主席国, 书记处): no
    name starts there."""
    from kg.extract.segment import is_word

    return is_word(text[head_start:pos + 1])


# 就任总理后首次访华, 担任主席时: a post taken (its title the verb's object), then when; no name.
_TAKING_POST = re.compile(r"(?:就任|担任|当选|出任|接任|升任|转任)[^，,。；;]{0,12}$")


def _taken_post(text: str, head_start: int, pos: int) -> bool:
    return text[pos:pos + 1] in ("后", "时") and _TAKING_POST.search(text, max(0, head_start - 14), head_start) is not None


def _starts_with_verb(rest: str) -> bool:
    from kg.extract.segment import tagged

    words = tagged(rest[:6])
    return bool(words) and len(words[0][2]) >= 2 and words[0][3] in ("v", "vd", "p", "d", "c")


def find_titled(text: str, heads: list[tuple[int, int, str]] | None = None) -> list[PersonSpan]:
    """Names right after a title chain: 省委副书记、省长李炳军 → 李炳军 with two titles
    (``heads``: the text's title heads, longest first without overlaps, when the page's one
    scan found them).

    >>> [(p.name, [t[2] for t in p.titles]) for p in find_titled("省委副书记、省长李炳军主持。")]
    [('李炳军', ['省委副书记', '省长'])]
    """
    out: list[PersonSpan] = []
    taken: set[int] = set()
    if heads is None:
        heads = [(m.start(), m.end(), m.group(0)) for m in _HEAD_RE.finditer(text)]
    for head_start, pos, head in heads:
        if pos in taken:
            continue
        state = head.removeprefix("副") in STATE_TITLES
        if state and foreign_prefix(text[max(0, head_start - 8):head_start]):
            end = _foreign_name_at(text, pos) or _han_name_at(text, pos)  # 莱索托首相马特凯恩: not 马特
        elif _foreign_chain(text, head_start) and (foreign := _foreign_name_at(text, pos)):
            end = foreign  # 巴黎市长伊达尔戈, 会见匈牙利国会主席克韦尔
        else:
            end = name_at(text, pos) or _tagged_name_at(text, pos) or _word_name_at(text, pos) \
                or _unsurnamed_name_at(text, pos)
            if end is None and state:
                end = _foreign_name_at(text, pos)
            if end is None:
                end = _group_leader_at(text, pos)
        if end is not None and not is_surname_start(text[pos:end]):
            end = _whole_unsurnamed_name(text, pos, end)
        if end is not None and end - pos == 2 and text.startswith("精神", end):
            continue  # 贯彻习近平总书记贺信精神: the leader's letter (jieba's 贺信 is a name), his spirit
        if end is None or (text[end - 1] in _BODY_CHARS and _HEAD_RE.match(text, end)):
            continue  # 市委常委、宣传部部长: jieba tags 宣传部 a name; it is the office of the next head
        if _head_runs_on(text, head_start, pos) or _taken_post(text, head_start, pos):
            continue
        titles = _title_chain(text, pos)
        former = () if titles else _title_chain(text, pos, keep_former=True)
        if not titles and not former:
            continue  # (with only former titles, 原副省长A, A is still a person: an official
        taken.add(pos)  # when one of them was a government post)
        official = any(not t.endswith(tuple(COMPANY_TITLES)) for _, _, t in former)
        out.append(PersonSpan(pos, end, text[pos:end], titles, official))
    return out


def _han_name_at(text: str, pos: int) -> int | None:
    """韩国总统李在明举行会谈, 越南总理范明政出席: a foreign name written as Han names are, a
    surname and a name jieba knows (在 ends a transliteration), and a follower right after it
    (谢尔|达尔·别尔德穆哈梅多夫 is no such name)."""
    end = _tagged_name_at(text, pos)
    if end is None or not is_surname_start(text[pos:end]):
        return None
    return end if end == len(text) or not _CJK.match(text[end]) or text.startswith(_FOREIGN_NAME_ENDS, end) \
        else None


# 市长高山会见…, 市委书记江河主持: a two-character name that is also a dictionary word (高山 "high
# mountain") is still a name right after a title when a verb only a person does follows it.
_PERSON_VERBS = ("会见", "会谈", "接见", "主持", "出席", "陪同", "一行", "带队", "率队", "致辞", "讲话")


def _word_name_at(text: str, pos: int) -> int | None:
    end = pos + 2
    piece = text[pos:end]
    if (len(piece) < 2 or not is_surname_start(piece) or piece[1] in _FORBIDDEN_IN_NAME
            or not all(_CJK.match(c) for c in piece) or not text.startswith(_PERSON_VERBS, end)
            or _HEAD_RE.match(piece + text[end:end + 2]) or piece in REPORTER_WORDS
            or _frequent_verb(piece)):  # 习近平主席应邀出席: 应邀 is what he does
        return None
    return end


def _frequent_verb(word: str) -> bool:
    """A verb of the dictionary (≥ 100) that is no two-character name before 出席 or 会见."""
    from kg.extract.segment import word_freq, word_tag

    return word_tag(word) == "v" and word_freq(word) >= 100


_COUNTY_UP = (EntityType.PROVINCE, EntityType.PREFECTURE, EntityType.COUNTY)


_LIST_MARKS = "，、,；;"
_JOINING = set("并及与和同跟在对向为将是")  # 拉霍娃并出席…: a conjunction ends the name


def _whole_unsurnamed_name(text: str, pos: int, end: int) -> int:
    """市委常委、城关区委书记普布顿珠，…斯朗尼玛，…: a Tibetan or Mongolian name with no Chinese
    surname may be four characters, two words each of which reads as a name (普布|顿珠); after a
    title, the name runs up to the list mark (or the follower word) that ends it, within four."""
    for j in range(end, min(len(text), pos + 4) + 1):
        if j < len(text) and (text[j] in _LIST_MARKS or text.startswith(_LONG_FOLLOWERS, j)):
            return j if j > end and all(_CJK.match(c) and c not in _JOINING for c in text[end:j]) and not any(
                text.startswith(NAME_FOLLOWERS, k) for k in range(end, j)) and not _verb_after(text, pos, end, j) \
                else end
    return end


def _verb_after(text: str, pos: int, end: int, j: int) -> bool:
    """Whether jieba reads a common verb, adverb or function word of two characters or more
    between ``end`` and ``j`` (总统莱希|发表讲话, 总统比奥|重申, 总统卢拉|罹患流感): what the person
    does, not the rest of a name (普布|顿珠, 洛桑|江村)."""
    from kg.extract.segment import tagged, word_freq

    return any(s >= end - pos and len(w) > 1 and t[:1] in "vdpcta" and word_freq(w) >= 50
               for s, _, w, t in tagged(text[pos:j]))


def _unsurnamed_name_at(text: str, pos: int) -> int | None:
    """旗人大常委会副主任宝龙先后到…: a Mongolian or Tibetan name of two or three characters with
    no Chinese surname, right after a title, that jieba reads as one place word (宝龙) naming no
    county or city, when a whole follower word of two or more characters (先后, 一行, 深入 …)
    comes right after it."""
    import bisect

    from kg.extract.regions import load_gazetteer
    from kg.extract.segment import line_words

    line_start, _, words, starts = line_words(text, pos)
    i = bisect.bisect_left(starts, pos - line_start)
    if i >= len(words) or starts[i] != pos - line_start:
        return None
    _, end, piece, tag = words[i]
    end += line_start
    if not 2 <= len(piece) <= 3 or is_surname_start(piece) or not tag.startswith(("ns", "nz")) \
            or not all(_CJK.match(c) for c in piece) or any(c in _FORBIDDEN_IN_NAME | _BODY_CHARS for c in piece) \
            or not text.startswith(_LONG_FOLLOWERS, end):
        return None
    gaz = load_gazetteer()
    if any(r.type in _COUNTY_UP for r in (*gaz.candidates(piece), *(
            r for c in "省市县区旗" for r in gaz.candidates(piece + c)))):
        return None  # a county's short name after a title heads the office; a township's
    return end       # (宝龙镇 of Chongqing) so seldom that the name wins


def find_entitled(text: str) -> list[PersonSpan]:
    """Names written before their title, as national news does: 习近平总书记, 李强总理,
    丁薛祥副总理. The name is the word (or two words, 丁|薛祥) jieba tags as a person name
    right before the title word.

    >>> [(p.name, [t[2] for t in p.titles]) for p in find_entitled("会见兰布卡总理，丁薛祥副总理出席。")]
    [('兰布卡', ['总理']), ('丁薛祥', ['副总理'])]
    """
    from kg.extract.segment import tagged

    out: list[PersonSpan] = []
    for line_start, line in _lines(text):
        words = tagged(line)
        for i, (start, end, word, _) in enumerate(words):
            title_end = end
            if word == "副" and i + 1 < len(words) and words[i + 1][2] in TRAILING_TITLES:
                word, title_end = "副" + words[i + 1][2], words[i + 1][1]
            elif word.removeprefix("副") not in TRAILING_TITLES or (i and words[i - 1][2] == "副"):
                continue
            name = _name_words_before(words, i) or _name_after_body(line, words, i)
            after = words[i + 1] if i + 1 < len(words) and words[i + 1][0] == title_end else None
            if name is None or not is_surname_start(line[name[0]:name[0] + 2]) or (
                    after and after[3].startswith(("nr", "ns"))):
                continue  # 念兹在兹总书记; 沙特国王萨勒曼: the name comes after the title
            a, b = name
            if any(c in _FORBIDDEN_IN_NAME or not _CJK.match(c) for c in line[a:b]) or line[b - 1] in _BODY_CHARS:
                continue  # 宣传部部长: jieba tags 宣传部 a name; it is the office of the title
            out.append(PersonSpan(line_start + a, line_start + b, line[a:b],
                                  ((line_start + start, line_start + title_end, word),)))
    return out


def _tagged_name_at(text: str, pos: int) -> int | None:
    """End of a word jieba tags as a person name starting at ``pos`` (斐济总理兰布卡: names
    without a Chinese surname), or None."""
    import bisect

    from kg.extract.segment import line_words

    line_start, line_end, words, starts = line_words(text, pos)
    i = bisect.bisect_left(starts, pos - line_start)
    if i < len(words) and starts[i] == pos - line_start:
        start, end, word, tag = words[i]
        rest = text[line_start + end:min(line_end, line_start + end + _AHEAD)]
        # 韩文|秀今天: a lone character after the name jieba found is the name's own end
        clean = (not rest or not _CJK.match(rest[0]) or rest.startswith(NAME_FOLLOWERS)
                 or (i + 1 < len(words) and len(words[i + 1][2]) >= 2))
        ok = tag.startswith("nr") and 2 <= len(word) <= 4 and all(_CJK.match(c) for c in word)
        if ok and len(word) >= 3 and word[-1] in "及与并" and not _common_word(word[:-1]):
            return line_start + end - 1  # 副旗长斯钦及相关部门: jieba's 斯钦及 holds the conjunction
        if ok and _idiom_tagged_a_name(text, pos, word):
            return None
        return line_start + end if ok and clean and not _common_word(word) else None
    return None


def _idiom_tagged_a_name(text: str, pos: int, word: str) -> bool:
    """Whether ``word`` at ``pos``, a word of four characters or more in jieba's dictionary, is
    no person although the dictionary tags it one: jieba's 7,321 four-character "names" are
    mostly idioms and phrases (念兹在兹, 今天上午, 施展才能, 协商一致). Such a word is a name when
    it opens with a double surname (欧阳应霁), when it is spelt as foreign names are (卢卡申科,
    内塔尼亚胡: each character in two of jieba's transliterated names or more; idioms hold
    characters none has, 念 and 展), or when LAC reads a person across all of it (屠格涅夫)."""
    from kg.extract.lac import read
    from kg.extract.segment import transliteration_chars, word_freq

    if len(word) < 4 or word_freq(word) == 0 or word[:2] in DOUBLE_SURNAMES:
        return False
    if all(transliteration_chars().get(c, 0) >= 2 for c in word):
        return False
    a = max(text.rfind(c, 0, pos) for c in "，,。；;、：:\n") + 1
    b = min([j for j in (text.find(c, pos) for c in "，,。；;、：:\n") if j >= 0] or [len(text)])
    tags, _ = read(text[a:b])
    i = pos - a
    run = 0
    while i + run < len(tags) and tags[i + run] == ("PER-B" if run == 0 else "PER-I"):
        run += 1
    return run < len(word)


def foreign_prefix(text: str) -> str | None:
    """The foreign country or place word ``text`` ends with (法国, 莱索托, 沙特), or None: a word
    jieba tags as a place or name that the GB/T gazetteer does not hold."""
    from kg.extract.regions import load_gazetteer
    from kg.extract.segment import tagged

    words = tagged(text)
    if not words:
        return None
    word, tag = words[-1][2], words[-1][3]
    gaz = load_gazetteer()
    if len(word) >= 2 and tag in ("ns", "nr", "nrt", "nsf") and not gaz.candidates(word) \
            and word[-1] not in _BODY_CHARS \
            and not any(gaz.candidates(word + c) for c in "省市县区"):
        return word
    return None


# What ends a title chain read leftwards from its head: punctuation, 的, verbs, prepositions,
# conjunctions (会见|匈牙利国会主席, 同|日本社民党党首).
_CHAIN_OPENERS = ("x", "uj", "v", "vn", "p", "c", "m")


def _foreign_chain(text: str, head_start: int) -> bool:
    """Whether the title chain before a head opens with a foreign country, city or continent or
    an international organization, by the world tables (会见匈牙利国会主席克韦尔, 俄罗斯联邦委员会
    主席, 亚洲开发银行行长): the name after such a title may be a transliterated one with no
    Chinese surname, as after a head of state's."""
    from kg.extract.segment import tagged

    words = tagged(text[max(0, head_start - 16):head_start])
    i = len(words)
    while i > 0 and words[i - 1][3] not in _CHAIN_OPENERS and words[i - 1][2] not in MEETING_VERBS:
        i -= 1
    if i == len(words):
        return False
    return opens_abroad(words[i][2])


def opens_abroad(text: str) -> bool:
    """Whether ``text`` opens with a foreign country, city or continent or an international
    organization, by the world tables (匈牙利国会, 巴黎市长, 欧洲央行)."""
    from kg.extract.countries import countries
    from kg.extract.world import is_abroad, is_area

    return any(text[:k] in INTERNATIONAL_ORGANIZATIONS or text[:k] in countries()
               or is_abroad(text[:k]) or is_area(text[:k]) for k in range(min(len(text), 12), 1, -1))


# 普京总统此访是…, 主席这次访问: "this" opens no transliterated name after a title.
_DEMONSTRATIVES = "此这那其"


def _transliterated(name: str) -> bool:
    """Whether a string read as a transliterated name may be one: it opens with no function
    word or common verb (因工作变动, 把访问, 主席应邀出席) and holds no common word of two or more characters (呼吁阻止,
    协会网站); transliterations read as rare pieces (拉加|德, 克|韦尔) or as names."""
    from kg.extract.segment import tagged, word_freq

    words = tagged(name)
    if not words:
        return False
    first, tag = words[0][2], words[0][3]
    if tag in ("p", "c", "uj", "ul") or first in _FORBIDDEN_IN_NAME or name[0] in _DEMONSTRATIVES \
            or (len(first) > 1 and (tag in ("d", "r", "m") or _frequent_verb(first))):
        return False
    return not any(len(w) > 1 and (word_freq(w) >= 500 and not t.startswith(("nr", "ns"))
                                   or w[-1] in LEVEL_CHARS)  # 长冈市: a place, not a name
                   for _, _, w, t in words)


_FOREIGN_NAME_ENDS = NAME_FOLLOWERS + ("举行", "时", "夫妇", "共同", "发表", "曾", "已", "于", "将", "还", "也", "并",
                                      "互致", "互通", "互赠",  # 兰布卡互致贺电
                                      "此访", "此次", "此行", "这次")  # 总理兰布卡此访期间


def _foreign_name_at(text: str, pos: int) -> int | None:
    """A transliterated name after a head of state's title (新西兰总理希普金斯。): the Han
    characters up to the next break or follower word, two to six of them, parts joined by a
    middle dot (亚力山大·尼古拉耶夫·绍欣); a common word after the name ends it (巴赫通电话,
    索比亚宁发布)."""
    from kg.extract.segment import tagged, word_freq, word_tag

    end, han = pos, 0  # han: characters of the part being read (parts end at a dot)
    while end < len(text) and han < 7 and end - pos < 20 and not text.startswith(_FOREIGN_NAME_ENDS, end):
        if _CJK.match(text[end]):
            han += 1
        elif text[end] in "·•" and end > pos and end + 1 < len(text) and _CJK.match(text[end + 1]):
            han = 0
        else:
            break
        end += 1
    last = max(text.rfind("·", pos, end), text.rfind("•", pos, end)) + 1 or pos  # the last part
    after_name = False
    if end < len(text) and text.startswith(NAME_FOLLOWERS, end):
        # 布林肯宣|称: the follower 称 cut a common word in half; the name ends where it starts
        crossing = [(s, w, t) for s, e, w, t in tagged(text[last:end + 2]) if last + s < end < last + e]
        if crossing and crossing[0][0] >= (1 if last > pos else 2) and len(crossing[0][1]) > 1 \
                and not crossing[0][2].startswith("n") and word_freq(crossing[0][1]) >= 150:
            end = last + crossing[0][0]
    for start, _, word, tag in tagged(text[last:end]):
        common = len(word) > 1 and not tag.startswith("n") and (
            word_freq(word) >= 150 or after_name and word_freq(word) > 0)
        if start >= (1 if last > pos else 2) and common:
            # 索比亚宁|发布, 巴赫|通电话: the name ends where a common word (not a noun: 山田太郎) starts
            end, han = last + start, start
            break
        after_name = after_name or tag.startswith("nr")
    if not (1 if last > pos else 2) <= han <= 6:
        return None
    tag = word_tag(text[pos:end]) or "nr"
    if not tag.startswith(("nr", "ns", "nz")):  # 总统普京: jieba tags 普京 a place, 奥利 a proper noun
        return None
    if _idiom_tagged_a_name(text, pos, text[pos:end]):
        return None  # 安理会成员协商一致通过
    return end if _transliterated(text[pos:end]) else None


# 会长河野洋平率领的访华团, 干事长森山裕、…率领的代表团, 总书记加萨马格拉一行: whoever a title
# names right before the words of leading a group is a person, a foreign name too.
_LEADS_AFTER = re.compile(r"(?:、[^，,。；;]{2,30}?)?(?:率领的|带领的|率领|为团长的|为团长|一行)")


_BODY_CHARS = set("局会部委厅院办处司署")


def _group_leader_at(text: str, pos: int) -> int | None:
    """End of a name of two to five Han characters at ``pos`` that the words of leading a group
    follow (…会长河野洋平率领的访华团), or None."""
    for end in range(pos + 2, min(pos + 5, len(text)) + 1):
        if not _CJK.match(text[end - 1]):
            return None
        if _LEADS_AFTER.match(text, end) and text[end:end + 1] in "率带为一、":
            word = text[pos:end]
            if _common_word(word) or any(c in _FORBIDDEN_IN_NAME | _BODY_CHARS for c in word) \
                    or _HEAD_RE.search(word):
                return None  # 董事|局主席王文银一行: the rest of a title, not a name
            return end
    return None


def _name_words_before(words, i: int) -> tuple[int, int] | None:
    """The span of the person-name words (tag nr*) that end right before word ``i``."""
    j = i
    while j > 0 and words[j - 1][3].startswith("nr") and words[i - 1][1] - words[j - 1][0] <= 4:
        j -= 1
    if j == i:
        return None
    start, end = words[j][0], words[i - 1][1]
    if end - start == 2 and j > 0 and len(words[j - 1][2]) == 2 and words[j - 1][2][0] in _GLUED_PREPOSITIONS \
            and words[j - 1][2][1] in SURNAMES and words[j - 1][1] == start:
        start -= 1  # 由张|修圣秘书长带队: the tokenizer glues the surname to the preposition before it
    elif end - start == 2 and j > 0 and words[j - 1][2] in SURNAMES and words[j - 1][1] == start and (
            j == 1 or words[j - 2][3] == "p" or not _CJK.match(words[j - 2][2][-1])):
        start -= 1  # 向|张|安顺书记汇报: or reads it as a word of its own after the preposition
    return (start, end) if 2 <= end - start <= 4 else None


_GLUED_PREPOSITIONS = "由向对与同和被请将把给"
# 省委强卫书记, 县政府张华县长: a party committee or a government, a name, its title after it.
_BODIES_BEFORE_NAME = ("委", "政府", "人大", "政协", "常委会")


def _name_after_body(line: str, words, i: int) -> tuple[int, int] | None:
    """The name between a body's word and the trailing title at word ``i`` (省委|强卫|书记: jieba
    reads 强卫 as a verb), when the body is a party committee or a government of a level (省委,
    县政府) and what stands between is two or three characters, a surname first and no
    common word (强卫 is a rare one: a name)."""
    from kg.extract.segment import word_freq

    title_start = words[i][0]
    for j in range(i - 1, max(-1, i - 4), -1):
        body = words[j][2]
        start = words[j][1]
        if body.endswith(_BODIES_BEFORE_NAME) and len(body) >= 2 and (body[0] in LEVEL_CHARS or body[0] == "中"):
            name = line[start:title_start]
            if 2 <= len(name) <= 3 and is_surname_start(name[:2]) and word_freq(name) < 20 \
                    and name[-1] not in _BODY_CHARS and name not in TITLE_HEADS \
                    and all(_CJK.match(c) and c not in _FORBIDDEN_IN_NAME for c in name):
                return start, title_start
            return None
    return None


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _title_chain(text: str, name_start: int, keep_former: bool = False) -> tuple[tuple[int, int, str], ...]:
    """The 、-separated titles between the previous break and the name (and a clause of titles
    alone before a comma: 区委书记，市产业园工委书记、管委会主任A)."""
    i = name_start
    while i > 0 and not _CHAIN_BREAK.match(text[i - 1]) and name_start - i < 60:
        i -= 1
    i = _titles_clause_before(text, i)
    for byline in _BYLINE_IN_CHAIN.finditer(text, i, name_start):
        i = byline.end()  # 本报兰州11月23日讯(记者张倩)省委书记…: the titles start after the byline
    chain = text[i:name_start]
    out: list[tuple[int, int, str]] = []
    pos = i
    former_chain = False  # 原中船重工董事长、党组书记: a former post is no post the person holds
    for piece in re.split("[、，,]", chain):
        cut = _junk_end(piece)
        if cut:
            out.clear()  # a verb in the chain: what came before it belongs to another clause
        title = piece[cut:]
        former = not keep_former and ((piece[:cut].endswith(_FORMER) and (
            _former_word_at(piece, cut) or not _is_a_word(piece[cut - 1:cut + 1])))
                                      or (former_chain and not cut))
        if not keep_former and title.startswith(_FORMER) and not _is_a_word(title[:2]):
            former = True  # 原华海重工董事长: the tokenizer may join 原 to the next word
        former_chain = former
        if title and _HEAD_RE.search(title) and title.endswith(tuple(TITLE_HEADS)) and not former:
            out.extend(_joined_by_jian(pos + cut, title))
        pos += len(piece) + 1
    return tuple(out)


_FORMER = ("原", "前")
_BYLINE_IN_CHAIN = re.compile(r"[(（](?:记者|通讯员|见习记者|特约记者|全媒体记者)[^)）]{0,20}[)）]")


def _former_word_at(piece: str, cut: int) -> bool:
    """Whether the tokenizer reads 原 as a word of its own ending at ``cut`` (省工商联|原|主席):
    then it marks a former post, even where 原 and the title's first character make a dictionary
    word (原主: "original owner"). (Not 前: jieba cuts 深圳|前|海大疆…, where 前海 is a place.)"""
    from kg.extract.segment import tokens

    return any(end == cut and word == "原" for _, end, word in tokens(piece))


def _titles_clause_before(text: str, i: int) -> int:
    """Where a chain starting at ``i`` after a comma starts when the clause before the comma
    holds titles only (区委书记，市…工委书记、管委会主任A; 5月3日，县委副书记，县长B): that
    clause's start; else ``i``."""
    if i < 2 or text[i - 1] not in "，,":
        return i
    j = i - 1
    while j > 0 and not _CHAIN_BREAK.match(text[j - 1]) and i - j < 40:
        j -= 1
    at = j
    for piece in text[j:i - 1].split("、"):
        cut = _junk_end(piece)
        if cut:  # 会见了中国五矿集团党组成员、副总经理，中冶集团董事长A: the verb opens the clause
            j = at + cut
        at += len(piece) + 1
    clause = text[j:i - 1]
    pieces = clause.split("、")
    if clause and all(p.endswith(tuple(TITLE_HEADS)) and _junk_end(p) == 0 and not _names_in(p)
                      for p in pieces):
        return j
    return i


def _names_in(piece: str) -> bool:
    """Whether a person's name stands inside a title-looking piece (市长王五): then it is no
    bare title."""
    for head in _HEAD_RE.finditer(piece):
        if head.end() < len(piece) and name_at(piece, head.end()):
            return True
    return False


def _is_a_word(piece: str) -> bool:
    """深圳前海: 前 is the first character of a name there, not "former"."""
    from kg.extract.segment import is_word

    return len(piece) == 2 and is_word(piece)


def _joined_by_jian(start: int, title: str) -> list[tuple[int, int, str]]:
    """国务委员兼外长 → 国务委员, 外长: two posts held at once, when both parts are titles."""
    at = title.find("兼")
    first, second = title[:at], title[at + 1:]
    if at > 0 and first.endswith(tuple(TITLE_HEADS)) and second.endswith(tuple(TITLE_HEADS)) \
            and _HEAD_RE.search(second):
        return [(start, start + at, first), *_joined_by_jian(start + at + 1, second)]
    return [(start, start + len(title), title)]


# 王五一行受到了省委书记赵七的…: 受到 and the group word 一行 end a clause before a title too.
_TITLE_JUNK_WORDS = frozenset(TITLE_JUNK) | frozenset(PASSIVE_MEETING_WORDS) | {"一行"}
# A、B率领…, A带着…: who leads stands before these, the led after them.
_LEAD_VERBS = tuple(w for w in GROUP_LEAD_WORDS if len(w) >= 2 and not w.startswith("为"))


def _junk_end(piece: str) -> int:
    """Where a title starts inside a chain piece: after the last verb or preposition (受, 会见)."""
    from kg.extract.segment import tagged, tokens

    cut = 0
    for start, end, word in tokens(piece):
        if word in _TITLE_JUNK_WORDS:
            cut = end
        elif len(word) == 2 and word[0] == "由" and word[1] in LEVEL_CHARS:
            cut = start + 1  # 会议由区人大常委会主任…主持: the tokenizer joins 由 to the level word
        elif len(word) == 3 and word[-1] in "同与和跟" and is_surname_start(word):
            cut = end  # 王毅同|荷兰外交大臣布洛克: the tokenizer joins 同 to the name before it
    for verb in _LEAD_VERBS:
        # 县长吴刚带着县发改局局长刘明: the tokenizer may read 刚带|着, yet no title holds 带着
        at = piece.rfind(verb)
        if at >= 0:
            cut = max(cut, at + len(verb))
    for verb in MEETING_VERBS:
        # 张工会见…董事长: the tokenizer reads 张|工会|见, yet no title holds 会见 or 会谈
        at = piece.rfind(verb)
        if at >= 0:
            cut = max(cut, at + len(verb))
    for start, end, word, tag in tagged(piece):
        if end > cut and tag == "v" and len(word) > 1 and opens_abroad(piece[end:]):
            cut = end  # 并要求|美国国防部长, 今晚播出|巴勒斯坦总统: a verb before a foreign country's title
    while cut and piece[cut:cut + 1] in ("了", "着", "过"):
        cut += 1  # 会见了…董事长: the aspect particle goes with the verb
    de = piece.rfind("的")
    while de > 0 and piece.endswith(_DAILY_WORK, 0, de + 1):
        de = piece.rfind("的", 0, de - 5)  # 中央办公厅分管日常工作的副主任: the deputy's own post
    if de >= cut and de < len(piece) - 2:
        cut = de + 1  # 来黔考察的…董事长: a clause describing the person is not the title
    for head in _HEAD_RE.finditer(piece, cut):
        end = name_at(piece, head.end())
        if end is not None and end < len(piece) - 2 and piece[end] in "和及与":
            cut = end + 1  # 集团董事长A和…公司副总裁: A is another person, not a title
    return cut


_DAILY_WORK = ("分管日常工作的", "主持日常工作的", "负责日常工作的")


# 任命李殿勋为湖北省副省长、代理省长; 接受王忠林辞去湖北省省长职务; 免去张三的县长职务:
# an appointment or resignation names the post after the person.
# 免除张三同志副县长一职: a county paper's removal names the post right after 同志, ending in 一职.
_APPOINTING = re.compile(r"(?:任命|免去|免除|接受|提名|同意|决定|批准|选举)(?:了)?")
_TO_POST = re.compile(r"(?:同志)?(?:的|为|辞去|担任|兼任|任)|同志")
_POST_CHAIN_END = re.compile(r"职务|一职|的请求|[，,。；;：:（(）)\s“”]")
_APPOINTED_RIGHT_BEFORE = re.compile(r"(?:任命|免去|免除|接受|提名|同意|批准|选举)了?$")
# 决定任命A为副市长，接受其辞去市人大常委会副主任职务的请求: 其 is the one just appointed.
_PRONOUN_APPOINTED = re.compile(r"(?:(?:决定|任命|提名)其(?:为|担任)|(?:接受|同意)其辞去|免去其)")
# 任命A同志为副县长，B同志为副县长: the next item of the appointment, its verb not repeated.
_NEXT_APPOINTED = re.compile(r"[，,]([\u4e00-\u9fff]{2,3}?)同志为")


def with_appointed_posts(text: str, people: list[PersonSpan]) -> list[PersonSpan]:
    """``people`` with the posts an appointment names after each one (任命A为…副县长、代理县长:
    A holds both), and the people named right after an appointing verb whom no rule found.

    >>> [(p.name, [t[2] for t in p.titles]) for p in with_appointed_posts("会议决定任命李四为副县长、代理县长。", [])]
    [('李四', ['副县长', '代理县长'])]
    """
    people = [_without_appointing_verb(text, p) for p in people]
    taken = {i for p in people for i in range(p.start, p.end)}
    extra = []
    for m in _APPOINTING.finditer(text):
        pos = m.end()
        while _APPOINTING.match(text, pos):  # 决定任命, 同意接受
            pos = _APPOINTING.match(text, pos).end()
        if pos in taken or not is_surname_start(text[pos:pos + 2]):
            continue
        for end in (pos + 2, pos + 3, pos + 4):
            piece = text[pos:end]
            after = _TO_POST.match(text, end)
            if any(c in _FORBIDDEN_IN_NAME or not _CJK.match(c) for c in piece) or any(
                    i in taken for i in range(pos, end)):
                break
            if after and _titles_after(text, after.end()) and not _common_word(piece):
                extra.append(PersonSpan(pos, end, piece, ()))
                taken.update(range(pos, end))
                break
    out, appointed = [], []
    for p in sorted([*people, *extra], key=lambda p: p.start):
        after = _TO_POST.match(text, p.end)
        if after and (_APPOINTED_RIGHT_BEFORE.search(text, max(0, p.start - 4), p.start)
                      or p.titles and _appointed_before(text, p)):
            titles = _titles_after(text, after.end())
            if titles:
                p = PersonSpan(p.start, p.end, p.name, p.titles + titles, p.official)
                appointed.append(p)
        out.append(p)
    out = _with_elected(text, out)
    for m in _PRONOUN_APPOINTED.finditer(text):  # 决定任命李殿勋为副省长，决定其为代理省长
        titles = _titles_after(text, m.end())
        last = next((q for q in reversed(appointed) if q.end < m.start()), None)
        if last is not None and titles and m.start() - last.end < 40:
            out = [PersonSpan(q.start, q.end, q.name, q.titles + titles, q.official)
                   if q is last else q for q in out]
    return _next_appointed(text, out, appointed)


def _next_appointed(text: str, people: list[PersonSpan], appointed: list[PersonSpan]) -> list[PersonSpan]:
    """``people`` with the posts of the items that go on an appointment after a comma
    (任命邢某同志为副县长，苑某同志为副县长), each within 40 characters of the item before it
    and in the same sentence."""
    if not appointed:
        return people
    ends = sorted(a.end for a in appointed)
    for m in _NEXT_APPOINTED.finditer(text):
        start, end = m.start(1), m.end(1)
        prev = [e for e in ends if e < start]
        titles = _titles_after(text, m.end())
        if not prev or start - prev[-1] > 40 or re.search("[。；;\n]", text[prev[-1]:start]) or not titles \
                or not is_surname_start(m.group(1)) or _common_word(m.group(1)):
            continue
        ends.append(m.end())
        ends.sort()
        same = [q for q in people if (q.start, q.end) == (start, end)]
        if same:
            people = [PersonSpan(q.start, q.end, q.name, q.titles + tuple(t for t in titles if t not in q.titles),
                                 q.official) if q is same[0] else q for q in people]
        elif not any(q.start < end and start < q.end for q in people):
            people = sorted([*people, PersonSpan(start, end, m.group(1), titles)], key=lambda q: q.start)
    return people


# 邓泽佳以190票当选为县人大常委会主任; 王土祥、张晓源和李瑛当选副县长; 任命李春雨、何娇等18人
# 为区人民法院审判员: an election or appointment names its post after a list of people.
_ELECTED = re.compile(r"(?:当选为|当选|被选举为|被选为|补选为)")
_VOTES_BEFORE = re.compile(r"(?:以(?:\d+|全)票(?:的高票)?|等\d+(?:名|位|人)(?:代表|同志|委员)?)$")
_LIST_SEPARATORS = "、和及与"
_LIST_OPENERS = "，,。；;：:、和及与（(\n 　"
_APPOINTED_LIST = re.compile(r"(?:任命|选举|决定任命)((?:[\u4e00-\u9fff·]{2,4}、){1,20}[\u4e00-\u9fff·]{2,4})"
                             r"(?:等\d+(?:名|位|人))?(?:同志)?为")


def _name_before(text: str, end: int) -> int | None:
    """Start of the 2- to 4-character name that ends at ``end`` and opens a list item (what is
    before it is a break, 、 or 和), or None."""
    for length in (2, 3, 4):
        start = end - length
        if start < 0:
            return None
        piece = text[start:end]
        if any(c in _FORBIDDEN_IN_NAME or not _CJK.match(c) for c in piece):
            return None
        if (start == 0 or text[start - 1] in _LIST_OPENERS) and is_surname_start(piece) \
                and not _common_word(piece) and not _opens_with_verb(piece):
            return start
    return None


def _opens_with_verb(piece: str) -> bool:
    """祝贺他, 恭喜她: a verb of the dictionary and a pronoun, not a surname and a given name."""
    from kg.extract.segment import word_tag

    return piece[-1] in "他她" or word_tag(piece[:2]) in ("v", "vd", "p", "d", "c")


def _names_ending_at(text: str, end: int) -> list[tuple[int, int]]:
    """The names of a 、/和 list whose last name ends at ``end``, in text order."""
    out: list[tuple[int, int]] = []
    while True:
        start = _name_before(text, end)
        if start is None:
            break
        out.append((start, end))
        if start == 0 or text[start - 1] not in _LIST_SEPARATORS:
            break
        end = start - 1
    return out[::-1]


def _with_elected(text: str, people: list[PersonSpan]) -> list[PersonSpan]:
    """``people`` with the posts each election (当选为) or listed appointment (任命A、B为) gives,
    the listed people whom no rule found added."""
    given: dict[tuple[int, int], tuple[tuple[int, int, str], ...]] = {}
    for m in _ELECTED.finditer(text):
        titles = _titles_after(text, m.end())
        if not titles:
            continue
        end = m.start()
        votes = _VOTES_BEFORE.search(text, max(0, end - 12), end)
        if votes:
            end = votes.start()
        for span in _names_ending_at(text, end):
            given[span] = given.get(span, ()) + titles
    for m in _APPOINTED_LIST.finditer(text):
        titles = _titles_after(text, m.end())
        if not titles:
            continue
        pos = m.start(1)
        for item in m.group(1).split("、"):
            if is_surname_start(item) and not _common_word(item):
                given[(pos, pos + len(item))] = given.get((pos, pos + len(item)), ()) + titles
            pos += len(item) + 1
    if not given:
        return people
    out = []
    for p in people:
        extra = given.pop((p.start, p.end), ())
        new = tuple(t for t in extra if t not in p.titles)
        out.append(PersonSpan(p.start, p.end, p.name, p.titles + new, p.official) if new else p)
    taken = {i for p in out for i in range(p.start, p.end)}
    for (start, end), titles in given.items():
        if not any(i in taken for i in range(start, end)):
            out.append(PersonSpan(start, end, text[start:end], titles))
    return sorted(out, key=lambda p: p.start)


def _without_appointing_verb(text: str, p: PersonSpan) -> PersonSpan:
    """任命钱立为…: the tagger may read the verb into the name (任命钱立)."""
    m = _APPOINTING.match(p.name)
    if m and 2 <= len(p.name) - m.end() <= 4 and is_surname_start(p.name[m.end():m.end() + 2]) \
            and _TO_POST.match(text, p.end):
        return PersonSpan(p.start + m.end(), p.end, p.name[m.end():], p.titles, p.official)
    return p


def _appointed_before(text: str, p: PersonSpan) -> bool:
    """任命县委副书记纪道清同志为…: the appointing verb comes before the person's titles."""
    first = p.titles[0][0]
    return bool(re.search(r"(?:任命|免去|接受|提名)$", text[max(0, first - 3):first]))


def _titles_after(text: str, pos: int) -> tuple[tuple[int, int, str], ...]:
    stop = _POST_CHAIN_END.search(text, pos, pos + 60)
    end = stop.start() if stop else min(len(text), pos + 60)
    out, at = [], pos
    for piece in text[pos:end].split("、"):
        if piece and _HEAD_RE.search(piece) and piece.endswith(tuple(TITLE_HEADS)):
            out.append((at, at + len(piece), piece))
        else:
            break
        at += len(piece) + 1
    return tuple(out)


def find_reporters(text: str) -> list[PersonSpan]:
    """Bylines: 记者 张良胜, 新华社记者 谢奔 张博宇 李键, 记者孙学良报道."""
    out = []
    for word in REPORTER_WORDS:
        for m in re.finditer(re.escape(word), text):
            pos = m.end()
            while pos < len(text):
                while pos < len(text) and text[pos] in " \u3000":
                    pos += 1
                end = name_at(text, pos)
                if end is None:
                    break
                out.append(PersonSpan(pos, end, text[pos:end], ()))
                pos = end
                if pos >= len(text) or text[pos] not in " \u3000、":
                    break
                pos += 1
    return out


def find_leaders(text: str) -> list[PersonSpan]:
    """市领导周俊波、王士瑞: officials named with no post."""
    out = []
    for word in LEADER_WORDS:
        for m in re.finditer(re.escape(word), text):
            pos = m.end()
            while True:
                end = name_at(text, pos)
                if end is None:
                    break
                out.append(PersonSpan(pos, end, text[pos:end], (), official=True))
                if end < len(text) and text[end] == "、":
                    pos = end + 1
                elif text.startswith(("和", "及"), end) and name_at(text, end + 1):
                    pos = end + 1  # 市领导何树山、阎庆民和于秋军
                else:
                    break
    return out


# 等区领导, 等市上领导, 等省市领导 after a list of names
_LEADERS_AFTER = re.compile(r"等(?:[省市州县区旗镇乡]{1,2}上?|党政|有关)领导")


def find_listed(text: str, known: set[str], officials: set[str] = frozenset()) -> list[PersonSpan]:
    """郑敏、周海鹰、王文超同志: names listed with a name already known as a person.

    The list takes the class of its known members: with an official, all are officials.
    """
    out = []
    for m in re.finditer(r"(?:[\u4e00-\u9fff]{2,3}、){1,12}[\u4e00-\u9fff]{2,3}(?=同志|等|[，,。])", text):
        items = m.group(0).split("、")
        led = _LEADERS_AFTER.match(text, m.end())  # 谢东、王志宏等区领导: officials by the list's word
        if not led and not any(item in known for item in items):
            continue
        if not all(is_surname_start(item) for item in items):
            continue
        pos = m.start()
        official = bool(led) or any(item in officials for item in items)
        for item in items:
            if _common_word(item):
                break
            out.append(PersonSpan(pos, pos + len(item), item, (), official=official))
            pos += len(item) + 1
    return out + _talk_partners(text, known, officials)


# 李强同奥利举行会谈: the other side of talks with a known person is a person, even with a
# foreign name and no title in the sentence (the headline gave it: 同尼泊尔总理举行会谈).
_TALKS = re.compile(r"[同与]([\u4e00-\u9fff·]{2,8}?)(?:举行|进行)(?:会谈|会晤)")


def _talk_partners(text: str, known: set[str], officials: set[str]) -> list[PersonSpan]:
    from kg.extract.countries import countries
    from kg.extract.segment import word_tag

    out = []
    for m in _TALKS.finditer(text):
        name = m.group(1)
        host = next((k for k in known if text.endswith(k, 0, m.start())), None) or next(
            (text[m.start() - n:m.start()] for n in (3, 2)
             if m.start() >= n and name_at(text, m.start() - n) == m.start()), None)
        tag = word_tag(name) or "nr"
        if host is None or name in known or name in countries() or name.endswith(("方", "国")) \
                or name.endswith(_FORMS_OF_ADDRESS) or _HEAD_RE.search(name) or len(name) > 5 \
                or any(t in name for t in STATE_TITLES | TRAILING_TITLES) or "陛下" in name \
                or tag[:2] not in ("nr", "nz") or any(c in _FORBIDDEN_IN_NAME for c in name):
            continue
        out.append(PersonSpan(m.start(1), m.end(1), name, (), official=host in officials))
    return out


def find_workers(text: str) -> list[PersonSpan]:
    """工人余元飞, 制片师吴智天: people named after an occupation (no post)."""
    out = []
    for m in _OCCUPATION_RE.finditer(text):
        end = name_at(text, m.end())
        if end is not None:
            out.append(PersonSpan(m.end(), end, text[m.end():end], ()))
    return out
