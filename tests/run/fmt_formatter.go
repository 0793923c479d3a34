package main

import (
	"errors"
	"fmt"
)

type X int

func (x X) Format(f fmt.State, c rune) {
	w, wok := f.Width()
	p, pok := f.Precision()
	if !wok {
		w = -1 // gc reports the width of an earlier directive (its pp is pooled)
	}
	if !pok {
		p = -1
	}
	fmt.Fprintf(f, "X[%c %d %v %d %v %v%v%v%v%v]", c, w, wok, p, pok, f.Flag('+'), f.Flag('-'), f.Flag('#'), f.Flag(' '), f.Flag('0'))
	f.Write([]byte("!"))
}

type P struct{ n int }

func (p *P) Format(f fmt.State, c rune) {
	if c == 'q' {
		panic("bad verb q")
	}
	fmt.Fprintf(f, "P%d", p.n)
}

type S struct {
	A X
	B []X
	C map[string]X
}

type E struct{}

func (E) Error() string { return "E-error" }
func (E) Format(f fmt.State, c rune) { fmt.Fprint(f, "E-format") }

func main() {
	var x X = 3
	fmt.Println(x)
	fmt.Printf("%v|%+8.2d|%-#x|% 05s\n", x, x, x, x)
	fmt.Println(S{1, []X{2, 3}, map[string]X{"k": 4}})
	fmt.Printf("%+v\n", S{A: 5})
	s := fmt.Sprint(&P{7}, " ", P{8})
	fmt.Println(s)
	fmt.Printf("%q\n", &P{1})
	var np *P
	fmt.Printf("%v\n", np)
	fmt.Println(E{}, errors.New("plain"))
	fmt.Printf("%s %v %d\n", E{}, []E{{}}, E{})
}
