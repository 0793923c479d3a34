package main

import "fmt"

type T struct{ x struct{} }

func f(p, q *struct{}) bool { return *p == *q }
func g(p, q *T) bool        { return p.x == q.x }

func try(n string, fn func()) {
	defer func() { fmt.Println(n, recover()) }()
	fn()
}

func main() {
	try("f", func() { f(nil, nil) })
	try("g", func() { g(nil, nil) })
	const maxInt = int(^uint(0) >> 1)
	s := make([]T, maxInt)
	try("append", func() { s = append(s, T{}) })
	a := make([]struct{}, maxInt)
	try("append2", func() { _ = append(a, a...) })
	fmt.Println(f(&struct{}{}, &struct{}{}))
}
