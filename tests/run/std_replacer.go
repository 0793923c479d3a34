package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
)

type rec struct{ calls []string }

func (r *rec) Write(b []byte) (int, error) {
	r.calls = append(r.calls, string(b))
	return len(b), nil
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
}

func main() {
	cases := [][]string{
		{"a", "1", "b", "2"},
		{"a", "1", "a", "2"},
		{"a", "xyz", "b", ""},
		{"hello", "HI"},
		{"", "-"},
		{"", "-", "a", "A"},
		{"a", "A", "", "-"},
		{"ab", "X", "abc", "Y", "b", "Z"},
		{"abc", "Y", "ab", "X"},
		{"<", "&lt;", ">", "&gt;", "&", "&amp;", "\"", "&quot;"},
		{"\xff", "?", "é", "e"},
		{"aaa", "3", "aa", "2", "a", "1"},
		{},
	}
	inputs := []string{"", "a", "abc", "aaaaa", "hello, world", "<a href=\"x\">&</a>", "abcabcab", "\xffé\xff", "ba"}
	for _, c := range cases {
		r := strings.NewReplacer(c...)
		for _, s := range inputs {
			fmt.Printf("%q %q -> %q\n", c, s, r.Replace(s))
		}
		var buf bytes.Buffer
		n, err := r.WriteString(&buf, "abc<hello>")
		fmt.Println(n, err, buf.String())
	}
	r := strings.NewReplacer("a", "1")
	n, err := r.WriteString(os.Stdout, "banana\n")
	fmt.Println(n, err)
	var sb strings.Builder
	strings.NewReplacer("o", "0", "l", "1").WriteString(&sb, "hello world")
	fmt.Println(sb.String())
	rc := &rec{}
	n, err = strings.NewReplacer("x", "yy").WriteString(rc, "")
	fmt.Println(n, err, len(rc.calls))
	args := []string{"k", "v"}
	r2 := strings.NewReplacer(args...)
	args[1] = "changed"
	fmt.Println(r2.Replace("kk"))
	try("odd", func() { strings.NewReplacer("a") })
	try("nil", func() {
		var r *strings.Replacer
		r.Replace("x")
	})
}
