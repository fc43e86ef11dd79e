from thidua.cli.entry import main

main()
