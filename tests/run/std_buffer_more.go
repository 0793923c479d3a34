package main

import (
	"bytes"
	"fmt"
)

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
}

func main() {
	var b bytes.Buffer
	b.WriteString("hello, world")
	n := b.Next(5)
	fmt.Printf("%q %d %q %d\n", n, cap(n), b.String(), b.Len())
	n[0] = 'J'
	fmt.Printf("%q\n", b.Bytes()[:0:0])
	fmt.Printf("%q %q\n", b.Next(100), b.Next(3))
	b.Reset()
	b.WriteString("abcdef")
	b.Truncate(3)
	fmt.Println(b.String(), b.Len(), b.Cap())
	b.Next(1)
	b.Truncate(1)
	fmt.Println(b.String(), b.Len())
	b.Truncate(0)
	fmt.Println(b.String(), b.Len())
	b.WriteString("xyz")
	try("Truncate out of range", func() { b.Truncate(4) })
	try("Truncate negative", func() { b.Truncate(-1) })
	try("Next negative", func() { b.Next(-1) })
	b.Next(2)
	try("Next negative 2", func() { b.Next(-1) })
	try("Next very negative", func() { b.Next(-10) })
	var nb *bytes.Buffer
	try("nil Truncate", func() { nb.Truncate(1) })
	nb2 := bytes.NewBufferString("0123456789")
	fmt.Printf("%q %q\n", nb2.Next(4), nb2.String())
}
