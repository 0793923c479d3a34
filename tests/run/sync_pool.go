package main

import (
	"fmt"
	"sync"
)

type buf struct{ b []byte }

func main() {
	n := 0
	p := sync.Pool{New: func() any { n++; return &buf{make([]byte, 0, n)} }}
	a := p.Get().(*buf)
	b := p.Get().(*buf)
	fmt.Println(cap(a.b), cap(b.b), n)
	p.Put(a)
	p.Put(b)
	fmt.Println(p.Get() == a, p.Get() == b, cap(p.Get().(*buf).b))
	var q sync.Pool
	fmt.Println(q.Get())
	q.Put("x")
	q.Put(nil)
	fmt.Println(q.Get(), q.Get())
	p.Put(&buf{make([]byte, 7)})
	fmt.Println(len(p.Get().(*buf).b))
}
