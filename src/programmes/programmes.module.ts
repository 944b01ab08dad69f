import { Module } from '@nestjs/common';
import { CoreEnterprisesModule } from '../core-enterprises/core-enterprises.module.js';
import { ProgrammesController } from './programmes.controller.js';
import { ProgrammesService } from './programmes.service.js';

@Module({
  imports: [CoreEnterprisesModule],
  controllers: [ProgrammesController],
  providers: [ProgrammesService],
  exports: [ProgrammesService],
})
export class ProgrammesModule {}
