package main

import (
	"fmt"
	"reflect"
)

type T struct {
	A int `json:"a,omitempty" xml:"x"`
	b string
	T2
}

type T2 struct{ C float64 }

type MyInt int

func main() {
	t := reflect.TypeOf(T{})
	fmt.Println(t.String(), t.Name(), t.PkgPath(), t.Kind(), t.NumField(), t.Size())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(f.Name, f.PkgPath, f.Type, f.Tag, f.Offset, f.Index, f.Anonymous, f.Tag.Get("json"))
	}
	fmt.Println(reflect.TypeOf(3) == reflect.TypeOf(4), reflect.TypeOf(MyInt(3)) == reflect.TypeOf(4))
	fmt.Println(reflect.TypeOf([]int{}).Elem(), reflect.TypeOf(map[string]bool{}).Key())
	fmt.Println(reflect.TypeOf(MyInt(1)).Name(), reflect.TypeOf(&T{}).Elem().Name())
	fmt.Println(reflect.Int, reflect.Pointer, reflect.Kind(99))
	fmt.Printf("%v %T\n", t, t)
	var e error
	fmt.Println(reflect.TypeOf(e) == nil)
}
