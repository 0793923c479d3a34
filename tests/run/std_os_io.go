package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

type plain struct{ got []string }

func (p *plain) Write(b []byte) (int, error) {
	p.got = append(p.got, "W:"+string(b))
	return len(b), nil
}

type both struct{ plain }

func (b *both) WriteString(s string) (int, error) {
	b.got = append(b.got, "WS:"+s)
	return len(s) + 100, nil
}

func emit(w io.Writer, s string) {
	n, err := w.Write([]byte(s))
	fmt.Println(n, err)
}

func main() {
	var w io.Writer = os.Stdout
	fmt.Fprintln(w, "to stdout via io.Writer")
	f := os.Stderr
	fmt.Fprintln(f, "to stderr via *os.File")
	n, err := os.Stdout.Write([]byte("Write\n"))
	fmt.Println(n, err)
	n, err = os.Stderr.WriteString("WriteString to stderr\n")
	fmt.Println(n, err)
	os.Stdout.Write(nil)
	os.Stdout.WriteString("")
	emit(os.Stdout, "emit stdout\n")
	emit(os.Stderr, "emit stderr\n")
	fmt.Println(os.Stdout.Name(), os.Stderr.Name(), os.Stdout.Fd(), os.Stderr.Fd(), f == os.Stderr, f == os.Stdout)
	fmt.Printf("%T\n", os.Stdout)
	var ws io.StringWriter = os.Stdout
	ws.WriteString("StringWriter\n")
	write := os.Stdout.WriteString
	write("method value\n")

	n, err = io.WriteString(os.Stdout, "io.WriteString stdout\n")
	fmt.Println(n, err)
	n, err = io.WriteString(os.Stderr, "io.WriteString stderr\n")
	fmt.Println(n, err)
	var buf bytes.Buffer
	io.WriteString(&buf, "buffer")
	var sb strings.Builder
	io.WriteString(&sb, "builder")
	p := &plain{}
	n, err = io.WriteString(p, "plain")
	fmt.Println(n, err, p.got)
	b := &both{}
	n, err = io.WriteString(b, "both")
	fmt.Println(n, err, b.got, buf.String(), sb.String())

	fmt.Println(os.Getenv("NO_SUCH_VAR_GOSCOPE") == "", os.Getenv("PATH") != "", os.Getenv("A=B"), os.Getenv(""))
	v, ok := os.LookupEnv("NO_SUCH_VAR_GOSCOPE")
	fmt.Printf("%q %v\n", v, ok)
	_, ok = os.LookupEnv("PATH")
	fmt.Println(ok, len(os.Environ()) > 0)
	for _, e := range os.Environ() {
		if strings.HasPrefix(e, "PATH=") {
			fmt.Println("PATH found", e[5:] == os.Getenv("PATH"))
		}
	}
}
