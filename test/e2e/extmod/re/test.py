# Behavioural test for the re module (extmod/modre.c, MICROPY_PY_RE=1
# MICROPY_PY_RE_MATCH_GROUPS=1 MICROPY_PY_RE_MATCH_SPAN_START_END=1
# MICROPY_PY_RE_SUB=0).
# Must print identical output for the firmware-built module and a natmod.
# Subjects that need deep backtracking recursion are kept short: the
# recursion limit of the matcher is an implementation detail (a natmod cannot
# use the firmware's C-stack check).
import re


def show_exc(label, f, *args):
    try:
        r = f(*args)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, str(e))


def show_exc_type(label, f, *args):
    # For errors raised by generic argument conversion (wrong object type)
    # only the exception type is compared: the message text comes from the
    # runtime's conversion helper, not from the module.
    try:
        r = f(*args)
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__)


def desc(m):
    # Describe a match result without relying on object identity.
    if m is None:
        return "None"
    n = len(m.groups()) + 1
    parts = []
    for i in range(n):
        parts.append("%d:%r@%r" % (i, m.group(i), m.span(i)))
    return "<%s> " % str(m) + " ".join(parts)


def run(name, f):
    print("==", name)
    try:
        f()
    except Exception as e:
        print("SECTION ERROR", name, type(e).__name__, str(e))


def sec_module():
    print(re.__name__)
    print(sorted(n for n in dir(re) if not n.startswith("__")))
    for name in ("compile", "match", "search"):
        print(name, hasattr(re, name), callable(getattr(re, name)))
    for name in ("sub", "split", "DEBUG", "findall", "finditer", "fullmatch", "IGNORECASE"):
        print("has", name, hasattr(re, name))


run("module", sec_module)


def sec_compiled_object():
    r = re.compile("a(b)c")
    print("regex methods", sorted(n for n in dir(r) if not n.startswith("__")))
    for name in ("match", "search", "split"):
        print(name, hasattr(r, name))
    print("has sub", hasattr(r, "sub"))
    m = r.match("abc")
    print("match methods", sorted(n for n in dir(m) if not n.startswith("__")))
    for name in ("group", "groups", "span", "start", "end"):
        print(name, hasattr(m, name))
    print("str(match)", str(m), repr(m))
    print("str(no-group match)", str(re.match("x", "x")))
    print("compile with flags arg", desc(re.compile("a+", 0).match("aaa")))
    print("compiled twice equal behaviour", desc(re.compile("b+").search("abbbc")))


run("compiled object", sec_compiled_object)


def sec_match_vs_search():
    for pat, s in (
        ("abc", "abc"),
        ("abc", "abcdef"),
        ("abc", "xabc"),
        ("b", "abc"),
        ("", ""),
        ("", "abc"),
        ("c$", "abc"),
        ("^a", "ba"),
        ("a|b", "cab"),
        ("x*", "yyy"),
    ):
        print("%r %r" % (pat, s), "match:", desc(re.match(pat, s)), "| search:", desc(re.search(pat, s)))
        r = re.compile(pat)
        print("   compiled match:", desc(r.match(s)), "| search:", desc(r.search(s)))


run("match vs search", sec_match_vs_search)


def sec_syntax():
    cases = (
        ("a.c", ("abc", "a-c", "a\nc", "ac")),
        ("a..", ("abc", "ab")),
        ("[abc]+", ("xxcabz", "zzz")),
        ("[a-f]+", ("zzbeefz", "xyz")),
        ("[a-cx-z]+", ("qaxbzcq",)),
        ("[^0-9]+", ("123abc456",)),
        ("[^a]", ("aaab",)),
        ("[]a]", ("]",)),
        ("[-a]+", ("x-a-", )),
        ("[a-]+", ("x-a-", )),
        ("[\\]]+", ("a]]b",)),
        ("[\\-]+", ("a--b",)),
        ("\\d+", ("ab123cd",)),
        ("\\D+", ("12ab34",)),
        ("\\w+", ("  hello_World9 !",)),
        ("\\W+", ("abc !?  def",)),
        ("\\s+", ("a \t\n\r\x0b\x0cb",)),
        ("\\S+", ("   xyz  ",)),
        ("[\\d.]+", ("v3.14.15!",)),
        ("[\\s,]+", ("a, b,c",)),
        ("[\\w-]+", ("--foo-bar9 baz",)),
        ("[^\\d]+", ("12ab34",)),
        ("[^\\s]+", ("  xy  ",)),
        ("\\.", ("a.b",)),
        ("\\\\", ("a\\b",)),
        ("\\(\\)", ("f()",)),
        ("\\[x\\]", ("a[x]",)),
        ("\\*\\+\\?", ("a*+?",)),
        ("\\|", ("a|b",)),
        ("\\^\\$", ("^$",)),
        ("\\n", ("a\nb", "anb")),
        ("\\t", ("a\tb",)),
        ("\\a", ("xab",)),
        ("a*", ("aaab", "b")),
        ("a+", ("baaab", "b")),
        ("a?b", ("ab", "b", "xxb")),
        ("a*?b", ("aaab",)),
        ("a+?", ("aaa",)),
        ("a??", ("aaa",)),
        ("<.*>", ("<a><b>",)),
        ("<.*?>", ("<a><b>",)),
        ("<.+?>", ("<><a>",)),
        ("(ab)+", ("xababab",)),
        ("(ab)*c", ("ababc", "c")),
        ("(a|b)*c", ("abbac",)),
        ("(?:ab)+(c)", ("ababc",)),
        ("(a(b(c)))", ("abc",)),
        ("(a)|(b)", ("b", "a")),
        ("(a)?(b)", ("b", "ab")),
        ("cat|dog|bird", ("hotdog", "birdcat")),
        ("a(x|y|z)b", ("ayb", "awb")),
        ("^abc$", ("abc", "abcd", "xabc")),
        ("^$", ("", "a")),
        ("x$", ("x\n", "ax")),
        ("^", ("abc",)),
        ("$", ("abc",)),
        ("(^a|b$)", ("cab", "abc")),
        ("[0-9]+\\.[0-9]*", ("pi=3.14159", "7.")),
        ("([a-z]+)@([a-z]+)\\.com", ("mail bob@example.com now",)),
        ("(\\d+)-(\\d+)-(\\d+)", ("date 2024-01-15 x",)),
        ("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)", ("abcdefghij",)),
        ("", ("",)),
    )
    for pat, subjects in cases:
        r = re.compile(pat)
        for s in subjects:
            print("%r %r" % (pat, s), "search:", desc(r.search(s)), "| match:", desc(r.match(s)))


run("syntax", sec_syntax)


def sec_groups():
    m = re.match("(a)(b)?(c)", "ac")
    print("groups", m.groups())
    print("group(0..3)", m.group(0), m.group(1), m.group(2), m.group(3))
    print("span(0..3)", m.span(), m.span(0), m.span(1), m.span(2), m.span(3))
    print("start/end", m.start(), m.end(), m.start(1), m.end(1), m.start(2), m.end(2), m.start(3), m.end(3))
    show_exc("group(4)", m.group, 4)
    show_exc("group(-1)", m.group, -1)
    show_exc("group(100)", m.group, 100)
    show_exc("span(4)", m.span, 4)
    show_exc("span(-1)", m.span, -1)
    show_exc("start(4)", m.start, 4)
    show_exc("end(-2)", m.end, -2)
    show_exc("group()", m.group)
    show_exc("group(1, 2)", m.group, 1, 2)
    show_exc("groups(1)", m.groups, 1)
    show_exc("span(1, 2)", m.span, 1, 2)
    show_exc("start(0, 1)", m.start, 0, 1)
    show_exc("end(0, 1)", m.end, 0, 1)
    show_exc("group('1')", m.group, "1")
    show_exc("span(1.0)", m.span, 1.0)
    show_exc("group(True)", m.group, True)
    m = re.match("abc", "abcd")
    print("no groups", m.groups(), m.group(0), m.span(), m.start(), m.end())
    show_exc("no groups group(1)", m.group, 1)
    m = re.search("(x)|(y)|(z)", "--y--")
    print("alternation groups", m.groups(), m.span(1), m.span(2), m.span(3), m.start(3), m.end(1))
    m = re.search("((a)|b)+", "ab")
    print("repeated group keeps last", m.groups(), m.span(1), m.span(2))
    m = re.search("(a*)(b*)", "xyz")
    print("empty groups", m.groups(), m.span(0), m.span(1), m.span(2))
    m = re.match("(\\w+) (\\w+)", "Isaac Newton, physicist")
    print("example", m.group(0), m.group(1), m.group(2), m.groups(), m.span(2))
    m = re.search("(" * 5 + "q" + ")" * 5, "xq")
    print("nested 5", m.groups(), m.span(5))


run("groups", sec_groups)


def sec_bytes():
    m = re.search(b"(b+)(c)?", b"abbbd")
    print("bytes", m.group(0), m.group(1), m.group(2), m.groups(), m.span(), m.span(1), m.span(2))
    print("bytes types", type(m.group(0)).__name__, type(m.group(1)).__name__)
    m = re.search(b"\\d+", b"\xff\xfe123\x00")
    print("bytes with high bytes", m.group(0), m.span())
    m = re.match(b"a\x00b", b"a\x00bc")
    print("literal NUL in bytes subject", m)
    m = re.compile(b"x+").search(b"--xxx--")
    print("compiled bytes pattern", m.group(0), m.span())
    m = re.compile("x+").search(b"--xx--")
    print("str pattern, bytes subject", m.group(0), type(m.group(0)).__name__, m.span())
    m = re.compile(b"x+").search("--xx--")
    print("bytes pattern, str subject", m.group(0), type(m.group(0)).__name__, m.span())


run("bytes", sec_bytes)


def sec_unicode():
    s = "h\u00e9llo w\u00f6rld \u20ac42 \U0001f600!"
    m = re.search("w", s)
    print("unicode", m.group(0), m.span(), m.start(), m.end())
    m = re.search("w..", s)
    print("'.' is one byte: 2 dots span one 2-byte char", m.span(), m.group(0))
    m = re.search("w.", s)
    print("match ending inside a multi-byte char", m.span(), m.start(), m.end())
    show_exc("group of a half character", m.group, 0)
    m = re.search("(l+)o (w)", s)
    print("unicode groups", m.groups(), m.span(0), m.span(1), m.span(2))
    m = re.search("\\d+", s)
    print("after euro", m.group(0), m.span())
    m = re.search("!", s)
    print("after emoji", m.group(0), m.span())
    m = re.search("\u20ac", s)
    print("euro literal", m.group(0), m.span())
    m = re.search("(x)?(!)", s)
    print("unmatched group in unicode", m.span(1), m.span(2))
    m = re.compile("\\w+").search(s, 6)
    print("pos is a byte offset", m.group(0), m.span())
    print("split unicode", re.compile(" ").split(s))
    b = s.encode()
    m = re.search(b"\\d+", b)
    print("bytes offsets", m.group(0), m.span())


run("unicode", sec_unicode)


def sec_pos_endpos():
    r = re.compile("b+")
    s = "abbcbbb"
    for args in ((), (0,), (1,), (2,), (3,), (4,), (6,), (7,), (8,), (100,), (-1,), (-100,),
                 (0, 2), (0, 3), (1, 2), (4, 6), (4, 100), (4, 3), (5, 0), (-5, 2), (2, -1), (7, 7)):
        print("search", args, desc(r.search(s, *args)), "| match", desc(r.match(s, *args)))
    r = re.compile("^b")
    print("^ with pos", desc(r.search("ab", 1)), desc(r.match("ab", 1)))
    r = re.compile("b$")
    print("$ with endpos", desc(r.search("abc", 0, 2)), desc(r.match("abc", 1, 2)))
    r = re.compile("(c)(d)?")
    m = r.search("abcd", 1, 3)
    print("groups with endpos", m.groups(), m.span(), m.span(1), m.span(2))
    m = re.compile("\\w+").search(b"ab cd", 2)
    print("bytes pos", m.group(0), m.span())
    # module-level functions ignore extra positional args (only compiled objects
    # take pos/endpos)
    print("module match ignores pos", desc(re.match("a", "ba", 1)))
    print("module search ignores pos/endpos", desc(re.search("a", "ab", 1, 1)))
    show_exc("pos str", r.search, "abc", "1")
    show_exc("endpos float", r.search, "abc", 0, 1.5)
    show_exc("5 args", r.search, "abc", 0, 1, 2)
    show_exc("module 5 args", re.search, "a", "abc", 0, 1, 2)


run("pos/endpos", sec_pos_endpos)


def sec_split():
    r = re.compile(",")
    for s in ("a,b,c", ",a,,b,", "", "abc", ",", ",,"):
        print("split %r" % s, r.split(s))
    r = re.compile("[,;] *")
    s = "one, two;three,  four; five"
    for n in (-1, 0, 1, 2, 3, 4, 5, 100):
        print("maxsplit", n, r.split(s, n))
    print("split \\s+", re.compile("\\s+").split("  lead  and trail  "))
    print("split (?:)", re.compile("(?:ab)+").split("xababyabz"))
    print("split bytes", re.compile(b"-+").split(b"a--b-c---"))
    print("split bytes types", [type(x).__name__ for x in re.compile(b"-").split(b"a-b")])
    print("split empty-match pattern", re.compile("x*").split("axbxxc"))
    print("split empty-match at start", re.compile("a*").split("bab"))
    print("split whole", re.compile(".*").split("abc"))
    print("split no match", re.compile("z").split("abc"))
    print("split anchored", re.compile("^a").split("aaa"))
    print("split str pattern bytes subject", re.compile(" ").split(b"a b"))
    show_exc("split with captures", re.compile("(,)").split, "a,b")
    show_exc("split with captures no match", re.compile("(,)").split, "ab")
    show_exc("split maxsplit str", re.compile(",").split, "a,b", "1")
    show_exc("split 1 arg", re.compile(",").split)
    show_exc("split 4 args", re.compile(",").split, "a", 1, 2)
    print("module has split", hasattr(re, "split"))


run("split", sec_split)


def sec_errors():
    for pat in (
        "(",
        "(a",
        "((a)",
        "a)",
        ")",
        "a)b",
        "*a",
        "+",
        "?",
        "a**",
        "a|*",
        "(*)",
        "[a",
        "[",
        "[^",
        "a\\",
        "\\",
        "[a\\",
        "(?:a",
        "x" * 10 + "(" + "y" * 200 + ")*",
        "(" + "a" * 130 + ")*",
        "[" + "a" * 200 + "]",
        "(" * 130 + ")" * 130,
    ):
        label = pat if len(pat) < 20 else pat[:12] + "...(%d chars)" % len(pat)
        show_exc("compile %r" % label, re.compile, pat)
    show_exc("match bad pattern", re.match, "(", "a")
    show_exc("search bad pattern", re.search, "a)", "a")
    # things that look odd but are accepted
    for pat in ("a{2}", "a{", "}", "]", "a]", "[a-]", "[]", "()", "(?:)", "a||b", "|", "(|a)", "^*", "$+", "(?i)a", "(?P<n>a)"):
        try:
            r = re.compile(pat)
            print("compile %r ok" % pat, desc(r.search("xa{2}]a|b(?i)")))
        except Exception as e:
            print("compile %r" % pat, type(e).__name__, str(e))
    show_exc_type("compile(int)", re.compile, 123)
    show_exc_type("compile(None)", re.compile, None)
    show_exc_type("compiled search(int)", re.compile("a").search, 5)
    show_exc_type("compiled match(None)", re.compile("a").match, None)
    show_exc_type("module search(pattern int)", re.search, 1, "1")
    show_exc_type("module match(subject list)", re.match, "a", ["a"])
    show_exc("compile()", re.compile)
    show_exc("compile 3 args", re.compile, "a", 0, 0)
    show_exc("match 1 arg", re.match, "a")
    show_exc("search 1 arg", re.search, "a")
    try:
        re.compile(pattern="a")
    except Exception as e:
        print("compile kw", type(e).__name__, str(e))
    try:
        re.compile("a").search("a", pos=0)
    except Exception as e:
        print("search kw", type(e).__name__, str(e))


run("errors", sec_errors)


def sec_backtracking():
    show_exc('re.match("(a|ab)(c|bcd)(d*)", "abcd")', lambda: desc(re.match("(a|ab)(c|bcd)(d*)", "abcd")))
    show_exc('re.match("(a+)(a+)(a+)", "aaaaaa")', lambda: desc(re.match("(a+)(a+)(a+)", "aaaaaa")))
    show_exc('re.match("(a+?)(a+?)(a+)", "aaaaaa")', lambda: desc(re.match("(a+?)(a+?)(a+)", "aaaaaa")))
    show_exc('re.match("(.*)(\\\\d+)", "abc12345")', lambda: desc(re.match("(.*)(\\d+)", "abc12345")))
    show_exc('re.match("(.*?)(\\\\d+)", "abc12345")', lambda: desc(re.match("(.*?)(\\d+)", "abc12345")))
    show_exc('re.search("(x+x+)+y", "xxxxxxxxxxy")', lambda: desc(re.search("(x+x+)+y", "xxxxxxxxxxy")))
    show_exc('re.search("(x+x+)+y", "xxxxxxxx")', lambda: desc(re.search("(x+x+)+y", "xxxxxxxx")))
    show_exc('re.search("[ab]*c", "abababz")', lambda: desc(re.search("[ab]*c", "abababz")))
    show_exc('re.match("(a*)*b", "aaab")', lambda: desc(re.match("(a*)*b", "aaab")))
    show_exc('re.match("(a*)+b", "aab")', lambda: desc(re.match("(a*)+b", "aab")))
    show_exc('re.match("(a?)*?b", "aab")', lambda: desc(re.match("(a?)*?b", "aab")))
    show_exc('re.search("(\\\\w+)\\\\s(\\\\w+)$", "one two three")', lambda: desc(re.search("(\\w+)\\s(\\w+)$", "one two three")))


run("backtracking", sec_backtracking)


def sec_many_matches():
    r = re.compile("(\\d+)")
    s = "a1b22c333d4444e55555"
    pos = 0
    found = []
    while True:
        m = r.search(s, pos)
        if m is None:
            break
        found.append((m.group(1), m.span(1)))
        pos = m.end()
    print(found)
    words = re.compile("\\w+")
    text = "The quick brown fox jumps over the lazy dog"
    pos = 0
    out = []
    while True:
        m = words.search(text, pos)
        if not m:
            break
        out.append(m.group(0))
        pos = m.end(0)
    print(out)
    import gc

    ms = [re.search("(b)(c)?", "ab" + "x" * i) for i in range(20)]
    gc.collect()
    print([m.span(1) for m in ms], [m.group(0) for m in ms][:3])


run("many matches", sec_many_matches)


def sec_types():
    # type objects of the regex and match results
    r = re.compile("a")
    m = r.match("a")
    print("regex type name", type(r).__name__)
    print("match type name", type(m).__name__)
    print("same types", type(r) is type(re.compile("b")), type(m) is type(re.search("b", "b")))
    print("no match is None", re.match("b", "a") is None)


run("types", sec_types)

print("== done")
