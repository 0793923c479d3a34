package main

import "fmt"

type point struct {
	x, y int
	name string
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	s := "hello, 世界"
	fmt.Println(len(s), s[1], s[7:], s[:5])
	for i, r := range s {
		fmt.Print(i, r, " ")
	}
	fmt.Println()
	b := []byte(s)
	b[0] = 'H'
	fmt.Println(string(b), string(rune(19990)), []rune(s)[7] == '世')
	a := [5]int{1, 2, 3}
	a[4] = 9
	sl := a[1:4]
	sl[0] = 20
	fmt.Println(a[1], len(sl), cap(sl), sum(a[:]))
	var xs []int
	for i := 0; i < 20; i++ {
		xs = append(xs, i*i)
	}
	fmt.Println(len(xs), cap(xs), sum(xs))
	ys := make([]int, 3, 10)
	n := copy(ys, xs)
	fmt.Println(n, ys[2], sum(append(ys, xs...)))
	p := point{1, 2, "p"}
	q := &point{x: 5}
	q.y = p.x + 10
	p.name += "!"
	fmt.Println(p.x, p.y, p.name, q.x, q.y, q.name == "")
	pp := &p
	pp.x = 42
	fmt.Println(p.x, "a" < "b", "abc" > "abd", s == "hello, 世界")
	ip := new(int)
	*ip = 3
	*ip += 4
	fmt.Println(*ip)
	full := xs[2:4:6]
	fmt.Println(len(full), cap(full))
}
