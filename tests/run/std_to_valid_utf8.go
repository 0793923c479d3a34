// bytes.ToValidUTF8 and strings.ToValidUTF8, with the []byte result's capacity
// (Go appends piece by piece to make([]byte, 0, len(s)+len(replacement))).
package main

import (
	"bytes"
	"fmt"
	"strings"
)

func main() {
	for _, s := range []string{"abc", "a\xffb\xfe\xfdc", "\xff\xff\xff\xff\xff\xffx\xffy\xffz\xff", "héllo\xc3", ""} {
		for _, rep := range []string{"", "?", "<REPLACEMENT-LONG>"} {
			b := bytes.ToValidUTF8([]byte(s), []byte(rep))
			fmt.Printf("%q %q -> %q len %d cap %d | %q\n", s, rep, b, len(b), cap(b), strings.ToValidUTF8(s, rep))
		}
	}
}
