package main

import "fmt"

type Counter struct {
	n    int
	name string
}

func (c *Counter) Inc()          { c.n++ }
func (c Counter) Get() int       { return c.n }
func (c *Counter) Add(k int) int { c.n += k; return c.n }

type Named struct {
	Counter
	tag string
}

type Wrap struct {
	*Counter
}

type Celsius float64

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

func main() {
	var c Counter
	c.Inc()
	c.Inc()
	fmt.Println(c.Get(), c.Add(10), c.n)
	p := &c
	p.Inc()
	fmt.Println(p.Get(), c.n)
	nm := Named{tag: "t"}
	nm.Inc()
	nm.Counter.Inc()
	fmt.Println(nm.Get(), nm.n, nm.tag)
	w := Wrap{&c}
	w.Inc()
	fmt.Println(w.Get(), c.n)
	fmt.Println(Celsius(100).F())
}
