package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
)

func get() error { return io.EOF }

func main() {
	fmt.Println(len(os.Args) > 1, io.EOF, get() == io.EOF, errors.Is(get(), io.EOF))
	fmt.Println(runtime.MemProfileRate)
	runtime.MemProfileRate = 1
	fmt.Println(runtime.MemProfileRate)
	err := io.EOF
	fmt.Printf("%v %T\n", err, err)
}
