package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func main() {
	s := "héllo, wörld"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.RuneLen('ö'), utf8.ValidString(s), utf8.ValidString("\xff"))
	r, n := utf8.DecodeRuneInString(s[1:])
	fmt.Println(r, n, string(r))
	parts := strings.Split("a,b,,c", ",")
	fmt.Println(parts, len(parts), strings.Join(parts, "|"))
	fmt.Printf("%q\n", strings.Fields("  x  y\tz\n"))
	fmt.Println(strings.SplitN("1-2-3-4", "-", 2), strings.Split("", ","), len(strings.Split("abc", "")))
	fmt.Println(strings.Join(nil, ","), strings.Join([]string{"solo"}, ", "))
}
