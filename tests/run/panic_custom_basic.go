package main

type MyInt int
type MyString string

func main() {
	defer func() {
		r := recover()
		println("recovered once")
		panic(r)
	}()
	defer func() {
		panic(MyString("second"))
	}()
	panic(MyInt(5))
}
