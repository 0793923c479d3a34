package main

import "fmt"

type Speaker interface {
	Speak(n int) string
}

type Loud interface {
	Speaker
	Volume() int
}

type Dog struct{ name string }

func (d Dog) Speak(n int) string { return fmt.Sprint(d.name, " woof ", n) }
func (d *Dog) Volume() int        { return len(d.name) }

type Kennel struct {
	*Dog
	size int
}

type Box struct {
	Speaker
	label string
}

type Counter struct{ n int }

func (c *Counter) Speak(n int) string { c.n += n; return fmt.Sprint("count ", c.n) }

type List struct {
	next *List
	v    int
}

func (l *List) Speak(n int) string {
	s := 0
	for p := l; p != nil; p = p.next {
		s += p.v
	}
	return fmt.Sprint("sum ", s+n)
}

func call(s Speaker) string { return s.Speak(1) }

func main() {
	var l Loud = &Dog{"rex"}
	fmt.Println(l.Speak(2), l.Volume())
	var s Speaker = l
	fmt.Println(s.Speak(3))
	f := s.Speak
	s = Dog{"fido"}
	fmt.Println(f(4), s.Speak(4))
	g := Speaker.Speak
	fmt.Println(g(s, 5))
	h := Loud.Volume
	fmt.Println(h(l))
	k := Kennel{&Dog{"max"}, 2}
	s = k
	fmt.Println(s.Speak(6), call(k), call(&k))
	l = k
	fmt.Println(l.Volume())
	b := Box{Dog{"spot"}, "x"}
	fmt.Println(b.Speak(7), call(b), call(&b))
	c := &Counter{}
	s = c
	s.Speak(1)
	s.Speak(2)
	fmt.Println(c.n)
	fmt.Println(call(c))
	s = &List{&List{nil, 2}, 3}
	fmt.Println(call(s))
	var ss []Speaker
	ss = append(ss, Dog{"a"}, c, b)
	for _, x := range []int{0, 1, 2} {
		fmt.Println(ss[x].Speak(x))
	}
	defer func() {
		fmt.Println("recovered:", recover())
		var nb Box
		fmt.Println(nb.Speaker == nil)
		nb.Speak(1)
	}()
	var nilS Speaker
	m := nilS.Speak
	fmt.Println(m(1))
}
