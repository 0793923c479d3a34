package main

import "fmt"

var log string

type Iffy interface {
	Me() Iffy
	name(s string) string
}

type Stucky struct{ n int }

func (s *Stucky) Me() Iffy                 { s.n++; return s }
func (s *Stucky) name(x string) string     { log += x; return fmt.Sprint(x, s.n) }
func chain(i Iffy, n int) Iffy {
	for ; n > 0; n-- {
		i = i.Me()
	}
	return i
}

type List struct {
	next *List
	val  int
}

func (l *List) Me() Iffy              { return l.next }
func (l *List) name(x string) string { return fmt.Sprint(x, l.val) }

func main() {
	s := new(Stucky)
	var i Iffy = s
	fmt.Println(i.Me().Me().name(i.name("a")), log)
	fmt.Println(chain(i, 3).name("b"), s.n)
	var l Iffy = &List{&List{nil, 2}, 1}
	fmt.Println(l.name("x"), l.Me().name("y"), l.Me().Me() == nil)
	var e any = l
	_, ok := e.(Iffy)
	fmt.Println(ok)
}
