package main

import (
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// flagsFirst lets flags follow a command's arguments, as in
// "dipgraph query timeline --param person=person:xi-jinping": urfave/cli stops
// reading flags at the first argument, so args are reordered to put the
// command's flags (with their values) before its arguments. Global flags
// before the command stay where they are; "--" ends the flags as usual, and
// "-" is an argument (standard input). A flag's alias is written in its
// first name's form, since urfave/cli refuses two forms of one flag
// ("-p a=1 --param b=2"). Commands with subcommands are left alone.
func flagsFirst(app *cli.App, args []string) []string {
	i := skipFlags(app.Flags, args, 1)
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil || len(cmd.Subcommands) > 0 {
		return args
	}
	flags, rest := []string{}, []string{}
	tail := args[i+1:]
	for j := 0; j < len(tail); j++ {
		a := tail[j]
		switch {
		case a == "--":
			rest = append(rest, tail[j:]...)
			j = len(tail)
		case isFlag(a):
			flags = append(flags, canonical(cmd.Flags, a))
			if takesValue(cmd.Flags, a) && !strings.Contains(a, "=") && j+1 < len(tail) {
				j++
				flags = append(flags, tail[j])
			}
		default:
			rest = append(rest, a)
		}
	}
	out := append([]string{}, args[:i+1]...)
	return append(append(out, flags...), rest...)
}

// skipFlags returns the index of the first argument from i on that is not a
// flag of flags or a flag's value.
func skipFlags(flags []cli.Flag, args []string, i int) int {
	for i < len(args) && isFlag(args[i]) && args[i] != "--" {
		if takesValue(flags, args[i]) && !strings.Contains(args[i], "=") {
			i++
		}
		i++
	}
	return i
}

func isFlag(a string) bool { return len(a) > 1 && a[0] == '-' }

// takesValue reports whether the flag a (-x, --name, --name=v) is one of
// flags that takes a value (not a boolean); unknown flags take none.
func takesValue(flags []cli.Flag, a string) bool {
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				_, isBool := f.(*cli.BoolFlag)
				return !isBool
			}
		}
	}
	return false
}

// canonical returns flag a (-x, --name, --name=v) under the first name of
// its flag in flags, or a as it is when none has it.
func canonical(flags []cli.Flag, a string) string {
	name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
	for _, f := range flags {
		if slices.Contains(f.Names(), name) {
			if hasVal {
				return "--" + f.Names()[0] + "=" + val
			}
			return "--" + f.Names()[0]
		}
	}
	return a
}
