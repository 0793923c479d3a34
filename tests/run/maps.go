package main

import "fmt"

type P struct {
	X, Y int
}

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] += 2
	m["c"]++
	fmt.Println(len(m), m["a"], m["b"], m["c"], m["zz"])
	v, ok := m["a"]
	fmt.Println(v, ok)
	_, ok = m["q"]
	fmt.Println(ok)
	delete(m, "a")
	fmt.Println(len(m))
	sum := 0
	for k, v := range m {
		sum += len(k) + v
	}
	fmt.Println(sum)
	lit := map[int]string{1: "one", 2: "two", 3: "three"}
	fmt.Println(lit[1], lit[2], lit[3], len(lit))
	pm := map[P]float64{{1, 2}: 1.5, {3, 4}: 2.5}
	fmt.Println(pm[P{1, 2}], pm[P{3, 4}], pm[P{5, 6}])
	big := map[int]int{}
	for i := 0; i < 10000; i++ {
		big[i] = i * i
	}
	s := 0
	for k, v := range big {
		s += k + v
	}
	fmt.Println(len(big), s)
	for i := 0; i < 10000; i += 2 {
		delete(big, i)
	}
	fmt.Println(len(big), big[3], big[4])
	var nm map[string]int
	fmt.Println(nm["x"], len(nm))
	for range nm {
	}
	delete(nm, "x")
	defer func() { fmt.Println(recover()) }()
	nm["x"] = 1
}
