package main

import (
	"bytes"
	"fmt"
)

func main() {
	var b bytes.Buffer
	for i := 0; i < 30; i++ {
		b.WriteString("abc")
		fmt.Print(b.Len(), " ", b.Cap(), "; ")
	}
	fmt.Println()
	b.WriteByte('!')
	b.WriteRune('é')
	b.WriteRune('世')
	n, err := b.Write([]byte("xyz"))
	fmt.Println(n, err, b.Len(), b.Cap())
	fmt.Println(b.String())
	fmt.Println(string(b.Bytes()[:5]))
	b.Reset()
	fmt.Println(b.Len(), b.Cap(), b.String() == "")
	var c bytes.Buffer
	c.Grow(100)
	fmt.Println(c.Len(), c.Cap())
	fmt.Fprintf(&c, "%d items: %v", 3, []string{"a", "b"})
	fmt.Println(c.String(), c.Len())
	var big bytes.Buffer
	for i := 0; i < 100; i++ {
		big.WriteString("0123456789")
		if i%10 == 0 {
			fmt.Print(big.Cap(), " ")
		}
	}
	fmt.Println(big.Len())
	var nb *bytes.Buffer
	fmt.Println(nb.String())
}
