import Foundation
import MutualisAdmin

exit(await AdminMain.run(Array(CommandLine.arguments.dropFirst())))
