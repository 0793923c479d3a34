package main

import "fmt"

var global = map[string]int{"x": 10, "y": 20}

type Counter map[string]int

func (c Counter) Inc(k string) { c[k]++ }

type Box struct {
	m    map[int]string
	name string
}

type Pt struct{ X, Y int }

func fill(m map[int][]int, k, v int) {
	m[k] = append(m[k], v)
}

func main() {
	fmt.Println(global["x"]+global["y"], len(global))
	global["z"] = 30
	fmt.Println(len(global))

	c := Counter{}
	c.Inc("a")
	c.Inc("a")
	c.Inc("b")
	fmt.Println(c["a"], c["b"], len(c))

	b := Box{m: map[int]string{}, name: "box"}
	b.m[1] = "one"
	b.m[2] += "two"
	pb := &b
	pb.m[3] = "three"
	fmt.Println(len(b.m), b.m[2], pb.m[3])

	sl := map[int][]int{}
	for i := 0; i < 10; i++ {
		fill(sl, i%3, i)
	}
	fmt.Println(len(sl), len(sl[0]), sl[0][3], sl[1][2], sl[2][0])

	pm := map[string]*Pt{"p": {1, 2}}
	pm["p"].X = 5
	fmt.Println(pm["p"].X, pm["p"].Y)

	var v, ok = global["x"]
	fmt.Println(v, ok)
	v, ok = global["nope"]
	fmt.Println(v, ok)

	sw := map[string]int{"a": 1, "b": 2}
	sw["a"], sw["b"] = sw["b"], sw["a"]
	fmt.Println(sw["a"], sw["b"])

	fns := map[string]func(int) int{
		"double": func(x int) int { return x * 2 },
		"square": func(x int) int { return x * x },
	}
	fmt.Println(fns["double"](4), fns["square"](4))

	runes := map[rune]int{}
	for _, r := range "hello, world" {
		runes[r]++
	}
	fmt.Println(runes['l'], runes['o'], len(runes))

	total := 0
	counter := func() { total += len(runes) }
	counter()
	fmt.Println(total)

	sum := 0
outer:
	for k, v := range runes {
		for k2 := range runes {
			if k2 == k {
				continue outer
			}
		}
		sum += v
	}
	fmt.Println(sum)

	n := 0
	for range runes {
		n++
		if n == 3 {
			break
		}
	}
	fmt.Println(n)

	var k2 rune
	var v2 int
	cnt := 0
	for k2, v2 = range runes {
		cnt += v2
	}
	_ = k2
	fmt.Println(cnt)

	arr := map[[4]byte]Pt{}
	arr[[4]byte{1, 2, 3, 4}] = Pt{3, 4}
	p := arr[[4]byte{1, 2, 3, 4}]
	fmt.Println(p.X, p.Y, arr[[4]byte{}].X)

	key := "dyn"
	lit := map[string]int{key: 1, "dyn": 2, key + "2": 3}
	fmt.Println(lit["dyn"], lit["dyn2"], len(lit))

	mm := map[string]map[string]int{}
	if mm["a"] == nil {
		mm["a"] = map[string]int{}
	}
	mm["a"]["b"]++
	mm["a"]["b"] *= 10
	fmt.Println(mm["a"]["b"])
	big := make(map[int]int, 100)
	for i := 0; i < 50; i++ {
		big[i] = i
	}
	fmt.Println(len(big))
	for k := range big {
		delete(big, k)
	}
	fmt.Println(len(big))
	var u8 = map[uint8]int8{}
	u8[255] = -128
	u8[255]--
	fmt.Println(u8[255])
}
