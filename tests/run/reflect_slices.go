package main

import (
	"fmt"
	"reflect"
)

func try(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func main() {
	st := reflect.TypeOf([]int{})
	s := reflect.MakeSlice(st, 2, 3)
	fmt.Println(s.Len(), s.Cap(), s)
	s = reflect.Append(s, reflect.ValueOf(7))
	fmt.Println(s.Len(), s.Cap(), s)
	s = reflect.Append(s, reflect.ValueOf(8), reflect.ValueOf(9))
	fmt.Println(s.Len(), s.Cap(), s, s.Interface().([]int))
	s = reflect.AppendSlice(s, reflect.ValueOf([]int{1, 2, 3, 4, 5, 6}))
	fmt.Println(s.Len(), s.Cap(), s)
	sub := s.Slice(2, 5)
	fmt.Println(sub, sub.Len(), sub.Cap())
	arr := [4]string{"a", "b", "c", "d"}
	as := reflect.ValueOf(&arr).Elem().Slice(1, 3)
	fmt.Println(as, as.Type(), as.Cap())
	as.Index(0).SetString("B")
	fmt.Println(arr, reflect.ValueOf("hello").Slice(1, 4))
	dst := make([]byte, 3)
	n := reflect.Copy(reflect.ValueOf(dst), reflect.ValueOf("xyzw"))
	fmt.Println(n, string(dst))
	try(func() { reflect.MakeSlice(st, 3, 2) })
	try(func() { reflect.ValueOf(arr).Slice(0, 1) })
	try(func() { s.Slice(3, 100) })
	try(func() { reflect.Copy(reflect.ValueOf([]int{1}), reflect.ValueOf([]string{"a"})) })
	try(func() { reflect.Append(s, reflect.ValueOf("x")) })
	var big []string
	v := reflect.ValueOf(big)
	for i := 0; i < 10; i++ {
		v = reflect.Append(v, reflect.ValueOf(fmt.Sprint(i)))
		fmt.Print(v.Cap(), " ")
	}
	fmt.Println(v)
}
