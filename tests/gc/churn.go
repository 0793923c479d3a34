// Allocates 10 GB over its life while keeping a small live set: 1 MB
// byte slices dropped at once, slices of pointers, and binary trees
// built and dropped. With a collector its peak memory stays near the
// live set plus the GOGC headroom (tests/gc_memory.rs checks the RSS).
package main

import "fmt"

type node struct {
	left, right *node
	val         int
}

func tree(d int) *node {
	if d == 0 {
		return &node{val: 1}
	}
	return &node{left: tree(d - 1), right: tree(d - 1), val: d}
}

func (n *node) sum() int {
	if n.left == nil {
		return n.val
	}
	return n.val + n.left.sum() + n.right.sum()
}

func main() {
	live := tree(12)
	total := 0
	check := 0
	for i := 0; i < 10240; i++ {
		b := make([]byte, 1<<20)
		b[i%len(b)] = byte(i)
		check += int(b[i%len(b)])
		total += len(b)
		if i%64 == 0 {
			ps := make([]*node, 1<<12)
			for j := range ps {
				ps[j] = &node{val: j}
			}
			t := tree(8)
			check += t.sum() + ps[len(ps)-1].val
			total += len(ps)*8 + len(ps)*32 + 511*32
		}
	}
	fmt.Println("allocated GB:", total>>30)
	fmt.Println("check:", check)
	fmt.Println("live tree:", live.sum())
}
