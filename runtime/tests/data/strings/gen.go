// Generates strings.out: gc 1.19's strings functions over many inputs, for goscope's
// tests (runtime/tests/stdlib_strings.rs). Regenerate with
//   /usr/lib/go-1.19/bin/go run gen.go > strings.out
// Each line: function, arguments (strings in hex, "-" for empty; numbers in decimal),
// "=>", result (string lists as hex joined by ",", "nil" for a nil slice; panics as
// "panic:" and the message in hex).
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"unicode"
)

func h(s string) string {
	if s == "" {
		return "-"
	}
	return hex.EncodeToString([]byte(s))
}

func hl(a []string) string {
	if a == nil {
		return "nil"
	}
	if len(a) == 0 {
		return "empty"
	}
	var p []string
	for _, s := range a {
		p = append(p, h(s))
	}
	return strings.Join(p, ",")
}

func emit(fn string, args []string, res string) {
	fmt.Printf("%s\t%s\t=>\t%s\n", fn, strings.Join(args, "\t"), res)
}

func catch(f func() string) (s string) {
	defer func() {
		if e := recover(); e != nil {
			s = "panic:" + h(fmt.Sprint(e))
		}
	}()
	return f()
}

func main() {
	r := rand.New(rand.NewSource(3))
	alphabet := []string{"a", "b", "A", "B", " ", ",", "\t", "\n", "é", "É", "ß", "ẞ", "σ", "Σ", "ς", "K", "k", "\u212a",
		"ǆ", "ǅ", "Ǆ", "\u00a0", "\u2003", "\u0085", "\xff", "\xc3", "\ufffd", "ab", "☺", "İ", "ı", "ﬀ", "\U0001F600", "_", "x"}
	strs := []string{"", "a", "abc", "a,b,,c", ",", ",,", "  hello  world  ", "\t\n x \v\f\r", "héllo wörld", "ÉCOLE", "straße",
		"\xffab\xfe", "Σίσυφος", "ǆemal", "hello_world foo-bar", "\u00a0x\u2003", "\u0085y\u0085", "aaaa", "abababab", "Kk\u212a"}
	for i := 0; i < 50; i++ {
		var b strings.Builder
		for j := r.Intn(10); j > 0; j-- {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		strs = append(strs, b.String())
	}
	seps := []string{"", ",", "a", "ab", " ", "é", "\xff", "\ufffd", "aa", "xyz", "ß"}
	for _, s := range strs {
		emit("Fields", []string{h(s)}, hl(strings.Fields(s)))
		emit("ToUpper", []string{h(s)}, h(strings.ToUpper(s)))
		emit("ToLower", []string{h(s)}, h(strings.ToLower(s)))
		emit("ToTitle", []string{h(s)}, h(strings.ToTitle(s)))
		emit("Title", []string{h(s)}, h(strings.Title(s)))
		emit("TrimSpace", []string{h(s)}, h(strings.TrimSpace(s)))
		emit("TrimFuncPunct", []string{h(s)}, h(strings.TrimFunc(s, unicode.IsPunct)))
		emit("Map", []string{h(s)}, h(strings.Map(func(r rune) rune {
			if r == 'a' {
				return -1
			}
			if r == 'b' {
				return 'ü'
			}
			return r
		}, s)))
		for _, sep := range seps {
			a := []string{h(s), h(sep)}
			emit("Index", a, fmt.Sprint(strings.Index(s, sep)))
			emit("LastIndex", a, fmt.Sprint(strings.LastIndex(s, sep)))
			emit("Count", a, fmt.Sprint(strings.Count(s, sep)))
			emit("IndexAny", a, fmt.Sprint(strings.IndexAny(s, sep)))
			emit("LastIndexAny", a, fmt.Sprint(strings.LastIndexAny(s, sep)))
			emit("Split", a, hl(strings.Split(s, sep)))
			emit("SplitAfter", a, hl(strings.SplitAfter(s, sep)))
			for _, n := range []int{-1, 0, 1, 2, 3, 100} {
				an := append(a, fmt.Sprint(n))
				emit("SplitN", an, hl(strings.SplitN(s, sep, n)))
				emit("SplitAfterN", an, hl(strings.SplitAfterN(s, sep, n)))
				emit("Replace", an, h(strings.Replace(s, sep, "<"+sep+">", n)))
			}
			emit("Trim", a, h(strings.Trim(s, sep+" ")))
			emit("TrimLeft", a, h(strings.TrimLeft(s, sep)))
			emit("TrimRight", a, h(strings.TrimRight(s, sep)))
			emit("TrimPrefix", a, h(strings.TrimPrefix(s, sep)))
			emit("TrimSuffix", a, h(strings.TrimSuffix(s, sep)))
			before, after, found := strings.Cut(s, sep)
			emit("Cut", a, fmt.Sprintf("%s,%s,%t", h(before), h(after), found))
		}
		for _, c := range []rune{'a', 'é', 0xfffd, -1, 0xd800, 0x110000, 0x1F600, ' '} {
			emit("IndexRune", []string{h(s), fmt.Sprint(c)}, fmt.Sprint(strings.IndexRune(s, c)))
		}
	}
	for i := 0; i < len(strs); i++ {
		for j := 0; j < 12; j++ {
			t := strs[r.Intn(len(strs))]
			if j < 3 {
				t = strings.ToUpper(strs[i])
			} else if j < 5 {
				t = strings.ToLower(strs[i])
			}
			emit("EqualFold", []string{h(strs[i]), h(t)}, fmt.Sprint(strings.EqualFold(strs[i], t)))
		}
	}
	for _, s := range []string{"", "ab", "☺"} {
		for _, n := range []int{0, 1, 3, -1, math.MaxInt64, math.MaxInt64 / 2} {
			emit("Repeat", []string{h(s), fmt.Sprint(n)}, catch(func() string {
				if len(s)*n > 1<<20 || (n > 1<<20 && s != "") {
					// Only the argument checks; the allocation itself is not compared.
					return h(strings.Repeat(s, n)[:0])
				}
				return h(strings.Repeat(s, n))
			}))
		}
	}
	for _, elems := range [][]string{nil, {}, {"a"}, {"a", "b"}, {"", ""}, {"x", "é", "\xff"}} {
		var p []string
		for _, e := range elems {
			p = append(p, h(e))
		}
		emit("Join", []string{strings.Join(p, ","), h(", ")}, h(strings.Join(elems, ", ")))
	}
}
