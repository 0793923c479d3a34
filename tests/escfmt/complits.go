// Composite literals, make and new.
package main

import (
	"bytes"
	"strings"
	"sync"
)

var sink interface{}

type T struct {
	a int
	b string
	p *T
}

type E struct{ T }

type Tagged struct {
	X int `json:"x"`
	y string
}

type M map[string]int
type S []int

func lits(n int, s string) {
	sink = T{}
	sink = T{a: 1}
	sink = T{1, "x", nil}
	sink = &T{}
	sink = &T{a: n}
	sink = &T{p: &T{}}
	sink = E{T{a: 1}}
	sink = []T{{a: 1}, {}}
	sink = []*T{{a: 1}, {}}
	sink = []*T{}
	sink = [...]int{1, 2, 3}
	sink = &[2]string{"a", "b"}
	sink = [3]int{}
	sink = map[string]int{"a": 1}
	sink = map[string]int{}
	sink = map[T]*T{{}: {}}
	sink = M{"x": n}
	sink = S{n}
	sink = struct{ a int }{1}
	sink = struct {
		a int
		b string
	}{}
	sink = &struct{ X, y int }{}
	sink = Tagged{X: 1}
	sink = struct {
		A int `tag:"v"`
		T
		*E
	}{}
	sink = []interface{}{1, s}
	sink = []func(){}
	sink = []func(int) string{nil}
	sink = []chan int{}
	sink = [][]int{{1}, {n}}
	sink = map[string][]int{"a": {1}}
	sink = []map[string]bool{{"x": true}}
	sink = [](<-chan int){}
	sink = []chan<- int{}
	sink = []chan (<-chan int){}
	sink = []interface{ M() }{}
	sink = []interface {
		M()
		N(int) (int, error)
		a()
	}{}
	sink = []error{}
	sink = []struct{}{}
	sink = [][2]*int{}
	sink = []func(...int) (int, string){}
	sink = []func(a, b int, c ...string){}
	sink = &bytes.Buffer{}
	sink = []*strings.Builder{}
	sink = sync.Mutex{}
}

func makes(n int) {
	sink = make([]int, n)
	sink = make([]int, 10)
	sink = make([]int, 0, n)
	sink = make([]int, n, 2*n)
	sink = make([]byte, 1<<20)
	sink = make(map[string]int)
	sink = make(map[string]int, n)
	sink = make(map[string]int, 8)
	sink = make(chan int)
	sink = make(chan int, n)
	sink = make(S, n)
	sink = make(M)
	sink = new(int)
	sink = new(T)
	sink = new([]int)
	sink = new(map[string]*T)
	sink = new(struct{ a int })
	sink = new(bytes.Buffer)
	sink = new(func() int)
	sink = new(interface{})
	sink = new(*int)
	sink = new([4]byte)
	x := make([]int, n)
	y := new(T)
	z := T{a: n}
	w := &z
	_, _, _ = x, y, w
}

func main() {
	lits(1, "")
	makes(1)
}
