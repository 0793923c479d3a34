// Names and types of other packages; two packages named template.
package main

import (
	"bufio"
	"bytes"
	"container/list"
	htemplate "html/template"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"
)

var sink interface{}

func pkgs(n int, s string) {
	sink = new(template.Template)
	sink = new(htemplate.Template)
	sink = template.New(s)
	sink = htemplate.HTMLEscapeString(s)
	sink = template.FuncMap{}
	sink = htemplate.HTML(s)
	sink = bufio.NewReader(os.Stdin)
	sink = &bytes.Buffer{}
	sink = list.New()
	sink = rand.Intn(n)
	sink = rand.New(rand.NewSource(1))
	sink = sort.IntSlice{}
	sink = strconv.Itoa(n)
	sink = strings.Fields(s)
	sink = &sync.WaitGroup{}
	sink = time.Now()
	sink = time.Second * time.Duration(n)
	sink = os.Args
	sink = os.Getenv
	sink = []*os.File{os.Stdout}
	sink = map[string]*template.Template{}
	var mu sync.Mutex
	mu.Lock()
	sink = mu.TryLock()
}

func main() {
	pkgs(1, "")
}
