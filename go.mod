module newsgraph

go 1.26.8

require (
	github.com/jonreiter/govader v0.0.0-20250429093935-f6505c8d03cc
	github.com/pariz/gountries v0.1.6
	github.com/spf13/cobra v1.10.2
	github.com/tidwall/cities v0.1.0
	golang.org/x/text v0.44.0
	golang.org/x/tools v0.52.0
)

require (
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/spf13/pflag v1.0.9 // indirect
	gopkg.in/yaml.v2 v2.4.0 // indirect
)
