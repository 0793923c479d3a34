package main

import (
	"fmt"
	"reflect"
)

type Pt struct {
	X, Y int8
	Z    float32
}

type MyInt int

func add(a int, b int8, p Pt) (int, Pt, string) {
	return a + int(b), Pt{p.Y, p.X, p.Z * 2}, fmt.Sprint(a, b)
}

func sum(base float64, xs ...int) float64 {
	for _, x := range xs {
		base += float64(x)
	}
	return base
}

func try(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func main() {
	f := reflect.ValueOf(add)
	out := f.Call([]reflect.Value{reflect.ValueOf(40), reflect.ValueOf(int8(-2)), reflect.ValueOf(Pt{1, -3, 1.5})})
	fmt.Println(len(out), out[0].Int(), out[1], out[2])
	s := reflect.ValueOf(sum)
	fmt.Println(s.Call([]reflect.Value{reflect.ValueOf(0.5), reflect.ValueOf(1), reflect.ValueOf(2)})[0].Float())
	fmt.Println(s.Call([]reflect.Value{reflect.ValueOf(0.5)})[0])
	k := 10
	cl := reflect.ValueOf(func(x int) int { k += x; return k })
	fmt.Println(cl.Call([]reflect.Value{reflect.ValueOf(5)})[0], k)
	try(func() { f.Call(nil) })
	try(func() { f.Call([]reflect.Value{reflect.ValueOf("a"), reflect.ValueOf(int8(1)), reflect.ValueOf(Pt{})}) })
	try(func() { reflect.ValueOf(func() { panic("inner") }).Call(nil) })
	v := reflect.ValueOf(300)
	fmt.Println(v.Convert(reflect.TypeOf(int8(0))).Int(), v.Convert(reflect.TypeOf(uint16(0))).Uint(), v.Convert(reflect.TypeOf(1.5)).Float())
	fmt.Println(v.Convert(reflect.TypeOf(MyInt(0))).Interface().(MyInt), v.Convert(reflect.TypeOf("")).String())
	fmt.Println(reflect.ValueOf(-2.7).Convert(reflect.TypeOf(0)).Int(), reflect.ValueOf("hi").Convert(reflect.TypeOf([]byte(nil))).Bytes())
	try(func() { reflect.ValueOf("x").Convert(reflect.TypeOf(0)) })
	var e interface{} = 0
	fmt.Println(reflect.ValueOf(3).Convert(reflect.TypeOf(&e).Elem()).Kind())
}
