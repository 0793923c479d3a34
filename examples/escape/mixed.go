// A mix of the constructs above: promoted methods through an embedded
// pointer, interface method values, labeled loops, a goto loop, recover,
// select, type switches, and closures nested in closures.
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type Inner struct{ p *int }
type Outer struct {
	*Inner
	name string
}

func (i *Inner) Get() *int { return i.p }

type Getter interface{ Get() *int }

func embedded() *int {
	x := 1
	o := Outer{&Inner{&x}, "o"}
	return o.Get()
}

func ifaceMethodValue(g Getter) func() *int {
	return g.Get
}

func labeled() {
	var ps []*int
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			v := i * j
			if v > 2 {
				continue outer
			}
			ps = append(ps, &v)
		}
	}
	_ = ps
}

func gotoLoop() *int {
	var last *int
	i := 0
loop:
	n := i
	last = &n
	i++
	if i < 3 {
		goto loop
	}
	return last
}

func recovers() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	panic(errors.New("boom"))
}

func selects(a, b chan *int) *int {
	select {
	case p := <-a:
		return p
	case p, ok := <-b:
		if ok {
			return p
		}
	}
	return nil
}

func typeSwitch(v interface{}) string {
	switch x := v.(type) {
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	case []byte:
		return string(x)
	default:
		return fmt.Sprint(x)
	}
}

func builder(parts []string) string {
	var sb strings.Builder
	for _, p := range parts {
		sb.WriteString(p)
	}
	return sb.String()
}

func mutex() int {
	var mu sync.Mutex
	n := 0
	mu.Lock()
	n++
	mu.Unlock()
	return n
}

func nested() func() func() int {
	a := 1
	return func() func() int {
		b := 2
		return func() int { return a + b }
	}
}

func main() {
	_ = embedded()
	_ = ifaceMethodValue(&Inner{})
	labeled()
	_ = gotoLoop()
	_ = recovers()
	_ = selects(make(chan *int), make(chan *int))
	_ = typeSwitch("x")
	_ = builder([]string{"a", "b"})
	_ = mutex()
	_ = nested()()()
}
