package main

import (
	"fmt"
	"reflect"
)

type Node struct {
	V    int
	Next *Node
}

type T struct {
	A []int
	M map[string][]byte
	I interface{}
	F func()
	p *int
}

func main() {
	fmt.Println(reflect.DeepEqual(1, 1), reflect.DeepEqual(1, int64(1)), reflect.DeepEqual(nil, nil), reflect.DeepEqual(nil, 1))
	fmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual([]int{}, []int(nil)), reflect.DeepEqual(map[int]string{1: "a"}, map[int]string{1: "a"}))
	a := &Node{1, nil}
	a.Next = a
	b := &Node{1, nil}
	b.Next = b
	fmt.Println(reflect.DeepEqual(a, b))
	x, y := 1, 1
	t1 := T{[]int{1}, map[string][]byte{"k": []byte("v")}, 3.5, nil, &x}
	t2 := T{[]int{1}, map[string][]byte{"k": []byte("v")}, 3.5, nil, &y}
	fmt.Println(reflect.DeepEqual(t1, t2))
	t2.I = 3
	fmt.Println(reflect.DeepEqual(t1, t2))
	f := func() {}
	fmt.Println(reflect.DeepEqual(f, f), reflect.DeepEqual([2]float64{1, 2}, [2]float64{1, 2}))
	var e1, e2 error
	fmt.Println(reflect.DeepEqual(e1, e2), reflect.DeepEqual([]interface{}{1, "a", nil}, []interface{}{1, "a", nil}))
	m1 := map[string]interface{}{"a": []int{1}}
	m2 := map[string]interface{}{"a": []int{2}}
	fmt.Println(reflect.DeepEqual(m1, m2))
	var s []interface{}
	s = append(s, 1)
	s = append(s, s)
	var s2 []interface{}
	s2 = append(s2, 1)
	s2 = append(s2, s2)
	fmt.Println(reflect.DeepEqual(s, s2))
}
