// Strings are {ptr, len}: a substring shares the bytes of its string, and
// ranging over a string decodes runes (invalid UTF-8 becomes U+FFFD, width 1).
package main

import (
	"fmt"
	"unicode/utf8"
	"unsafe"
)

// data is the string header's pointer word.
func data(s string) uintptr {
	return *(*uintptr)(unsafe.Pointer(&s))
}

func main() {
	s := "hello, 世界"
	sub := s[7:]
	fmt.Println(len(s), utf8.RuneCountInString(s), sub)
	fmt.Println("substring shares bytes:", data(sub) == data(s)+7)
	fmt.Println("size of a string header:", unsafe.Sizeof(s))

	for i, r := range s {
		fmt.Println(i, r, string(r))
	}

	bad := "a\xffb\xe4\xb8"
	for i, r := range bad {
		fmt.Println(i, r == utf8.RuneError, r)
	}

	b := []byte(s)
	b[0] = 'H'
	fmt.Println(string(b), s)

	rs := []rune(s)
	fmt.Println(len(rs), string(rs[7:]))
	fmt.Println(s[0], s[7], string(s[0]))
	fmt.Println("a"+"b" < "ab"+"c", "z" > "abc")
}
