package main

import (
	"fmt"
	"math"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
}

func main() {
	x := []int{5, 2, 8, -1, 2, 9, 0}
	sort.Sort(sort.IntSlice(x))
	fmt.Println(x, sort.IsSorted(sort.IntSlice(x)), sort.IntsAreSorted(x))
	sort.Sort(sort.Reverse(sort.IntSlice(x)))
	fmt.Println(x, sort.IsSorted(sort.IntSlice(x)), sort.IsSorted(sort.Reverse(sort.IntSlice(x))), sort.IntsAreSorted(x))
	is := sort.IntSlice{3, 1, 2}
	is.Sort()
	fmt.Println(is, is.Len(), is.Less(0, 1), is.Less(1, 0), is.Search(2), is.Search(10), is.Search(-5))
	is.Swap(0, 2)
	fmt.Println(is)

	fs := sort.Float64Slice{2.5, math.NaN(), -1, math.Inf(1), 0, math.Inf(-1)}
	fs.Sort()
	fmt.Println(fs, fs.Len(), fs.Less(0, 1), fs.Search(0), sort.Float64sAreSorted(fs))
	sort.Stable(sort.Reverse(fs))
	fmt.Println(fs)

	ss := sort.StringSlice{"pear", "apple", "fig", "", "banana"}
	sort.Sort(ss)
	fmt.Println(ss, ss.Search("fig"), ss.Search("zzz"), sort.StringsAreSorted(ss))
	sort.Sort(sort.Reverse(ss))
	fmt.Printf("%q\n", ss)
	ss.Sort()
	fmt.Printf("%q\n", []string(ss))

	words := byLen{"ccc", "a", "bb", "dddd", "e"}
	sort.Stable(sort.Reverse(words))
	fmt.Println(words)
	sort.Sort(sort.Reverse(sort.Reverse(words)))
	fmt.Println(words, sort.IsSorted(words))

	r := sort.Reverse(sort.IntSlice{1, 2, 3})
	fmt.Println(r.Len(), r.Less(0, 1), r.Less(1, 0))
	r.Swap(0, 2)
	fmt.Printf("%v %T\n", r, r)
	var iface sort.Interface = sort.StringSlice{"b", "a"}
	fmt.Printf("%v %T %d\n", iface, iface, iface.Len())
	lenOf := is.Len
	fmt.Println(lenOf())

	a := []int{1, 3, 5, 7, 9}
	for _, v := range []int{0, 1, 4, 9, 10} {
		fmt.Println(v, sort.SearchInts(a, v), sort.Search(len(a), func(i int) bool { return a[i] >= v }))
	}
	fmt.Println(sort.SearchStrings([]string{"a", "c", "e"}, "d"), sort.SearchFloat64s([]float64{1, 2, 3}, 2.5))
	fmt.Println(sort.SliceIsSorted(a, func(i, j int) bool { return a[i] < a[j] }), sort.SliceIsSorted(a, func(i, j int) bool { return a[i] > a[j] }))
	i, found := sort.Find(len(a), func(i int) int { return 7 - a[i] })
	fmt.Println(i, found)

	try("Less out of range", func() { is.Less(0, 7) })
	try("Less negative", func() { is.Less(-1, 0) })
	try("Swap out of range", func() { is.Swap(5, 0) })
	try("Reverse nil", func() { sort.Sort(sort.Reverse(nil)) })
}
