package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	xs := []int{5, 2, 8, 1, 9, 3, 7, 3, 0, -4}
	sort.Ints(xs)
	fmt.Println(xs, sort.IntsAreSorted(xs), sort.SearchInts(xs, 7), sort.SearchInts(xs, 4))
	ss := []string{"pear", "apple", "fig", "banana", ""}
	sort.Strings(ss)
	fmt.Println(ss, sort.SearchStrings(ss, "fig"))
	fs := []float64{2.5, -1, 3.25, 0, 1e9}
	sort.Float64s(fs)
	fmt.Println(fs)
	var people []Person
	for i := 0; i < 100; i++ {
		people = append(people, Person{fmt.Sprint("p", i), (i * 37) % 11})
	}
	ps := append([]Person(nil), people...)
	sort.Slice(ps, func(i, j int) bool { return ps[i].Age < ps[j].Age })
	fmt.Println(ps)
	ps2 := append([]Person(nil), people...)
	sort.SliceStable(ps2, func(i, j int) bool { return ps2[i].Age < ps2[j].Age })
	fmt.Println(ps2)
	ps3 := append([]Person(nil), people...)
	sort.Sort(ByAge(ps3))
	fmt.Println(ps3)
	ps4 := append([]Person(nil), people...)
	sort.Stable(ByAge(ps4))
	fmt.Println(ps4, sort.IsSorted(ByAge(ps4)))
	big := make([]int, 1000)
	for i := range big {
		big[i] = (i * 7919) % 1000
	}
	calls := 0
	sort.Slice(big, func(i, j int) bool { calls++; return big[i]/10 < big[j]/10 })
	fmt.Println(big[:30], calls)
	i := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(i)
	defer func() { fmt.Println("recovered:", recover()) }()
	sort.Slice(ps, func(i, j int) bool { panic("in less") })
}
