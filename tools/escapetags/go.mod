module goscope/tools/escapetags

go 1.19
