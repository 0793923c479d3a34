package main

import (
	"fmt"
	"reflect"
)

type K struct {
	A, B int32
	C    float64
}

func main() {
	mt := reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(0))
	fmt.Println(mt, mt == reflect.TypeOf(map[string]int{}), mt.Key(), mt.Elem())
	m := reflect.MakeMap(reflect.MapOf(reflect.TypeOf(K{}), reflect.TypeOf([]string{})))
	m.SetMapIndex(reflect.ValueOf(K{1, 2, 3}), reflect.ValueOf([]string{"x", "y"}))
	m.SetMapIndex(reflect.ValueOf(K{4, 5, 6}), reflect.ValueOf([]string{"z"}))
	fmt.Println(m.Len(), m.MapIndex(reflect.ValueOf(K{1, 2, 3})), m.MapIndex(reflect.ValueOf(K{9, 9, 9})).IsValid())
	m.SetMapIndex(reflect.ValueOf(K{4, 5, 6}), reflect.Value{})
	fmt.Println(m.Len(), m.Type())
	at := reflect.ArrayOf(3, reflect.TypeOf(""))
	a := reflect.New(at).Elem()
	a.Index(1).SetString("mid")
	fmt.Println(at, at.Len(), at.Size(), a, a.Interface().([3]string)[1])
	st := reflect.SliceOf(reflect.TypeOf(K{}))
	fmt.Println(st, st == reflect.TypeOf([]K{}), reflect.ArrayOf(2, reflect.TypeOf(int8(0))).Size())
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.MapOf(reflect.TypeOf([]int{}), reflect.TypeOf(0))
}
