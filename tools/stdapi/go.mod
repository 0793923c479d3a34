module goscope/tools/stdapi

go 1.19
