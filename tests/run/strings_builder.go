package main

import (
	"fmt"
	"strings"
)

type T struct {
	sb strings.Builder
	n  int
}

func main() {
	var sb strings.Builder
	for i := 0; i < 20; i++ {
		sb.WriteString("ab")
		fmt.Print(sb.Len(), " ", sb.Cap(), "; ")
	}
	fmt.Println()
	sb.WriteByte('!')
	sb.WriteRune('é')
	sb.WriteRune('世')
	sb.WriteRune(-1)
	n, err := sb.Write([]byte("xyz"))
	fmt.Println(n, err, sb.Len(), sb.Cap())
	fmt.Println(sb.String())
	sb.Reset()
	fmt.Println(sb.Len(), sb.Cap(), sb.String() == "")
	sb.Grow(10)
	fmt.Println(sb.Len(), sb.Cap())
	sb.WriteString("hello")
	s := sb.String()
	sb.WriteString(" world")
	fmt.Println(s, sb.String())
	b := &strings.Builder{}
	fmt.Fprint(b, "")
	t := &T{}
	t.sb.WriteString("in struct")
	fmt.Println(t.sb.String(), t.sb.Len())
	var parts []string
	for i := 0; i < 5; i++ {
		var w strings.Builder
		fmt.Fprintf(&w, "%d-%s", i, strings.Repeat("x", i))
		parts = append(parts, w.String())
	}
	fmt.Println(parts)
	defer func() { fmt.Println("recovered:", recover()) }()
	sb2 := sb
	sb2.WriteString("boom")
}
