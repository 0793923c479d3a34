package main

import (
	"fmt"
	"nosuchpkg"
	"strings"
)

func main() {
	fmt.Println(strings.ToUpper("x"))
	nosuchpkg.F()
}
