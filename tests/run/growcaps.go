// growslice's capacity sequence for element sizes 1..100 bytes: appending
// one element at a time, printing each new capacity.
package main

import "fmt"

type s12 struct{ a, b, c int32 }
type s24 struct{ a, b, c int64 }

func main() {
	{
		var s [][1]byte
		last := -1
		for i := 0; i < 2000; i++ {
			s = append(s, [1]byte{})
			if cap(s) != last {
				last = cap(s)
				fmt.Print(last, " ")
			}
		}
		fmt.Println()
	}
	{
		var s []int16
		last := -1
		for i := 0; i < 2000; i++ {
			s = append(s, 1)
			if cap(s) != last {
				last = cap(s)
				fmt.Print(last, " ")
			}
		}
		fmt.Println()
	}
	{
		var s []float32
		last := -1
		for i := 0; i < 2000; i++ {
			s = append(s, 1)
			if cap(s) != last {
				last = cap(s)
				fmt.Print(last, " ")
			}
		}
		fmt.Println()
	}
	{
		var s []*int
		last := -1
		for i := 0; i < 2000; i++ {
			s = append(s, nil)
			if cap(s) != last {
				last = cap(s)
				fmt.Print(last, " ")
			}
		}
		fmt.Println()
	}
	{
		var s []s12
		last := -1
		for i := 0; i < 2000; i++ {
			s = append(s, s12{})
			if cap(s) != last {
				last = cap(s)
				fmt.Print(last, " ")
			}
		}
		fmt.Println()
	}
	{
		var s []string
		last := -1
		for i := 0; i < 2000; i++ {
			s = append(s, "")
			if cap(s) != last {
				last = cap(s)
				fmt.Print(last, " ")
			}
		}
		fmt.Println()
	}
	{
		var s []s24
		last := -1
		for i := 0; i < 2000; i++ {
			s = append(s, s24{})
			if cap(s) != last {
				last = cap(s)
				fmt.Print(last, " ")
			}
		}
		fmt.Println()
	}
	{
		var s [][4]int64
		last := -1
		for i := 0; i < 2000; i++ {
			s = append(s, [4]int64{})
			if cap(s) != last {
				last = cap(s)
				fmt.Print(last, " ")
			}
		}
		fmt.Println()
	}
	{
		var s [][5]int64
		last := -1
		for i := 0; i < 2000; i++ {
			s = append(s, [5]int64{})
			if cap(s) != last {
				last = cap(s)
				fmt.Print(last, " ")
			}
		}
		fmt.Println()
	}
	{
		var s [][64]byte
		last := -1
		for i := 0; i < 2000; i++ {
			s = append(s, [64]byte{})
			if cap(s) != last {
				last = cap(s)
				fmt.Print(last, " ")
			}
		}
		fmt.Println()
	}
	{
		var s [][100]byte
		last := -1
		for i := 0; i < 2000; i++ {
			s = append(s, [100]byte{})
			if cap(s) != last {
				last = cap(s)
				fmt.Print(last, " ")
			}
		}
		fmt.Println()
	}
	// Appending many at once: the needed length wins over doubling.
	fmt.Println(cap(append([]byte{1}, make([]byte, 40)...)), cap(append([]int64(nil), 1, 2, 3)),
		cap(append(make([][100]byte, 3), [100]byte{})))
}
