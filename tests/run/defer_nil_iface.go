package main

import "fmt"

type Closer interface{ Close() }

type F struct{ name string }

func (f *F) Close() { fmt.Println("close", f.name) }

func use(c Closer) {
	defer c.Close()
	fmt.Println("after defer")
}

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	use(&F{"a"})
	use(nil)
}
