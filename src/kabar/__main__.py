from kabar.cli import app

app(prog_name="kabar")
